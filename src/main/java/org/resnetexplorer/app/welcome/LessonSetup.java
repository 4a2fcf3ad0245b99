package org.resnetexplorer.app.welcome;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.resnetexplorer.app.MainViewModel;
import org.resnetexplorer.app.Views;
import org.resnetexplorer.app.inside.ImageChoice;
import org.resnetexplorer.app.inside.InsideSelection;
import org.resnetexplorer.model.InputShape;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;

/**
 * Sets the app up for a lesson through the views' own commands (the editor's network, the probe
 * tabs' selection, Train &amp; Compare's histories), so a lesson shows exactly what a teacher
 * would get by clicking there by hand. Engine work starts in those view models, not here.
 */
public final class LessonSetup {

    /** The trained model the welcome view and the third lesson look at. */
    public static final String TRAINED_RESNET = "resnet20-fashion";
    /** Fashion-MNIST's shape: the untrained networks take the same images as the trained one. */
    static final InputShape FASHION = new InputShape(1, 28, 28);
    private static final String IMAGE = "fashion-1-trouser-1.png";

    private final MainViewModel vm;
    private final Views views;
    private final Consumer<String> showTab;
    private final Supplier<Map<String, Path>> shipped;

    /**
     * @param showTab selects a bottom tab by fx:id and gives the tabs room
     * @param shipped the shipped models by name (read each time: models appear as they finish)
     */
    public LessonSetup(MainViewModel vm, Views views, Consumer<String> showTab,
            Supplier<Map<String, Path>> shipped) {
        this.vm = vm;
        this.views = views;
        this.showTab = showTab;
        this.shipped = shipped;
    }

    /** Sets the lesson up and returns a line for the status bar about what it shows. */
    public String apply(Lesson lesson) {
        String line = switch (lesson) {
            case GRADIENTS -> gradients();
            case DEGRADATION -> degradation();
            case RESIDUAL_BLOCK -> residualBlock();
        };
        vm.notice(line);
        return line;
    }

    private String gradients() {
        NetworkSpec net = Presets.get("resnet56").withInput(FASHION);
        if (!vm.showArchitecture(net)) {
            return "Lesson 1 needs the editor for ResNet-56: your unsaved network was kept.";
        }
        showTab.accept(Lesson.GRADIENTS.tabId());
        lookAt("editor");
        return "Lesson 1: ResNet-56 and plain-56 at 1×28×28, untrained; the gradients are"
                + " computed in the background.";
    }

    private String degradation() {
        DegradationSummary summary = DegradationSummary.of(shipped.get());
        showTab.accept(Lesson.DEGRADATION.tabId());
        if (summary.historyToDraw() != null) {
            views.train().viewModel().showHistory(summary.historyToDraw());
        }
        return "Lesson 2: " + summary.text();
    }

    private String residualBlock() {
        String line;
        if (shipped.get().containsKey(TRAINED_RESNET)
                && views.inside().selection().models().stream()
                        .anyMatch(m -> m.label().equals(TRAINED_RESNET))) {
            showTab.accept(Lesson.RESIDUAL_BLOCK.tabId());
            lookAt(TRAINED_RESNET);
            line = "Lesson 3: the trained ResNet-20 and its plain twin.";
        } else {
            if (!vm.showArchitecture(Presets.get("resnet20").withInput(FASHION))) {
                return "Lesson 3 needs the editor for ResNet-20: your unsaved network was kept.";
            }
            showTab.accept(Lesson.RESIDUAL_BLOCK.tabId());
            lookAt("editor");
            line = "Lesson 3: " + TRAINED_RESNET + " is not installed yet, so this is an"
                    + " untrained ResNet-20 and its twin.";
        }
        return line;
    }

    /** Points the probe tabs at a model and at a sample image (a labelled one if there is). */
    private void lookAt(String model) {
        InsideSelection selection = views.inside().selection();
        boolean hasImage = selection.images().stream()
                .anyMatch(i -> i.file().getFileName().toString().equals(IMAGE));
        String image = hasImage ? IMAGE : selection.images().stream().findFirst()
                .map(ImageChoice::file).map(f -> f.getFileName().toString()).orElse(null);
        selection.preselect(model, image);
    }
}
