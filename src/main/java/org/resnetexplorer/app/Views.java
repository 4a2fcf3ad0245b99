package org.resnetexplorer.app;

import java.util.concurrent.Executor;
import org.resnetexplorer.app.classify.ClassifyView;
import org.resnetexplorer.app.classify.ClassifyViewModel;

/**
 * Fills the bottom tabs with their views: the one place that wires view models to the main
 * window, used by the app and by the GUI tests alike.
 *
 * @param engine the single background thread all engine work runs on
 */
public record Views(ClassifyViewModel classify) {

    public static Views install(MainController window, MainViewModel vm, Executor engine) {
        ClassifyViewModel classify = new ClassifyViewModel(engine, vm::spec);
        classify.loadedSpecProperty().addListener((o, was, spec) -> {
            if (spec != null) {
                vm.showArchitecture(spec);
            }
        });
        window.tab("classifyTab").setContent(new ClassifyView(classify));
        org.resnetexplorer.app.inside.InsideTabs.install(window, vm, engine).applyStartOptions();
        org.resnetexplorer.app.train.TrainTab.install(window, vm, engine).applyStartOptions();
        return new Views(classify);
    }
}
