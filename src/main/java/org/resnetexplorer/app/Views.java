package org.resnetexplorer.app;

import java.util.concurrent.Executor;
import org.resnetexplorer.app.classify.ClassifyView;
import org.resnetexplorer.app.classify.ClassifyViewModel;
import org.resnetexplorer.app.inside.InsideTabs;
import org.resnetexplorer.app.train.TrainTab;

/**
 * Fills the bottom tabs with their views: the one place that wires view models to the main
 * window, used by the app and by the GUI tests alike.
 *
 * @param engine the single background thread all engine work runs on
 */
public record Views(ClassifyViewModel classify, InsideTabs inside, TrainTab train) {

    public static Views install(MainController window, MainViewModel vm, Executor engine) {
        ClassifyViewModel classify = new ClassifyViewModel(engine, vm::spec);
        classify.loadedSpecProperty().addListener((o, was, spec) -> {
            if (spec != null) {
                vm.showArchitecture(spec);
            }
        });
        ClassifyView classifyView = new ClassifyView(classify);
        window.tab("classifyTab").setContent(classifyView);
        startWith(window, classify, classifyView);
        InsideTabs inside = InsideTabs.install(window, vm, engine);
        inside.applyStartOptions();
        TrainTab train = TrainTab.install(window, vm, engine);
        train.applyStartOptions();
        return new Views(classify, inside, train);
    }

    /**
     * Start options for demos and documentation pictures: {@code resnet.classify.model} (a
     * shipped model to load) and {@code resnet.classify.images} (a folder or files, separated by
     * the path separator, to classify once it is loaded; shows the Classify tab).
     */
    private static void startWith(MainController window, ClassifyViewModel classify,
            ClassifyView view) {
        String model = System.getProperty("resnet.classify.model");
        String images = System.getProperty("resnet.classify.images");
        if (model == null) {
            return;
        }
        window.tab("classifyTab").getTabPane().getSelectionModel()
                .select(window.tab("classifyTab"));
        window.expandTabs();
        classify.modelDescriptionProperty().addListener((o, was, now) -> {
            if (Boolean.getBoolean("resnet.timing")) {
                long started = java.lang.management.ManagementFactory.getRuntimeMXBean()
                        .getStartTime();
                System.err.printf("model %s loaded %d ms after the JVM started%n", model,
                        System.currentTimeMillis() - started);
            }
            if (images != null && classify.cards().isEmpty()) {
                view.onFilesDropped(java.util.Arrays.stream(images.split(java.io.File.pathSeparator))
                        .map(java.io.File::new).toList());
            }
        });
        classify.choices().stream().filter(c -> c.label().equals(model)).findFirst()
                .ifPresent(c -> classify.selectedProperty().set(c));
    }
}
