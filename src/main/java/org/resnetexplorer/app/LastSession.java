package org.resnetexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Tab;
import javafx.beans.value.ObservableValue;
import org.resnetexplorer.app.classify.ClassifyViewModel;
import org.resnetexplorer.app.classify.ModelChoice;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;

/**
 * What was open when the app last closed: the network's file (or, for a network never saved, the
 * preset it came from), the bottom tab, and the Classify model and device. Theme, presentation
 * mode, dividers and recent files are remembered where they live (MainViewModel, MainController).
 * Anything that has gone since falls back quietly, with a line in the status bar.
 */
public final class LastSession {

    static final String FILE = "session.file";
    static final String PRESET = "session.preset";
    static final String TAB = "session.tab";
    static final String MODEL = "session.classify.model";
    static final String DEVICE = "session.classify.device";
    /** The Layers tab has no fx:id; any other tab is remembered by its fx:id. */
    static final String FIRST_TAB = "layers";
    private static final String DEFAULT_PRESET = "resnet20";

    private final AppSettings settings;
    private final List<String> notices = new ArrayList<>();

    public LastSession(AppSettings settings) {
        this.settings = settings;
    }

    /** The network to build the window with: last session's preset, else ResNet-20. */
    public NetworkSpec startNetwork() {
        return settings.text(PRESET).flatMap(Presets::find)
                .orElse(Presets.get(DEFAULT_PRESET));
    }

    /** Reopens last session's file when it is still there. */
    public void reopenFile(MainViewModel vm) {
        settings.text(FILE).map(Path::of).ifPresent(file -> {
            if (Files.isRegularFile(file)) {
                if (!vm.openFile(file)) {
                    settings.setText(FILE, null);
                }
            } else {
                notices.add(file.getFileName() + " is no longer there; started with "
                        + vm.spec().name());
                settings.setText(FILE, null);
            }
        });
    }

    /** The Classify model and device, then the bottom tab; {@code showTab} takes an fx:id. */
    public void restoreViews(ClassifyViewModel classify, Consumer<String> showTab) {
        settings.text(MODEL).ifPresent(label -> {
            if (!classify.restore(label, settings.text(DEVICE).orElse(null))) {
                notices.add("the model " + label + " is not installed; choose one in Classify");
            }
        });
        settings.text(TAB).filter(id -> !id.equals(FIRST_TAB)).ifPresent(id -> {
            try {
                showTab.accept(id);
            } catch (IllegalArgumentException e) {
                // a tab of an older or newer version: the default tab is fine
            }
        });
    }

    /** Everything that fell back, as one status-bar line ("" when nothing did). */
    public String notice() {
        return notices.isEmpty() ? "" : "Last session: " + String.join("; ", notices) + ".";
    }

    /**
     * From now on, keeps the settings up to date as the teacher works.
     *
     * @param selectedTab the bottom tab pane's selected tab
     */
    public void watch(MainViewModel vm, ClassifyViewModel classify,
            ObservableValue<Tab> selectedTab) {
        SpecDocument doc = vm.document();
        Runnable network = () -> {
            Path file = doc.file();
            settings.setText(FILE, file == null ? null : file.toString());
            if (file == null && Presets.find(doc.spec().name()).isPresent()) {
                settings.setText(PRESET, doc.spec().name());
            }
        };
        doc.fileProperty().addListener((o, a, b) -> network.run());
        doc.generationProperty().addListener((o, a, b) -> network.run());
        classify.selectedProperty().addListener((o, a, choice) -> {
            if (choice != null && choice.kind() != ModelChoice.Kind.FOLDER) {
                settings.setText(MODEL, choice.label());
            }
        });
        classify.deviceProperty().addListener((o, a, device) -> settings.setText(DEVICE, device));
        selectedTab.addListener((o, a, tab) -> {
            if (tab != null) {
                settings.setText(TAB, idOf(tab));
            }
        });
    }

    private static String idOf(Tab tab) {
        return tab.getId() == null ? FIRST_TAB : tab.getId();
    }
}
