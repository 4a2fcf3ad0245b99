package org.resnetexplorer.app.train;

import java.util.concurrent.Executor;
import org.resnetexplorer.app.MainController;
import org.resnetexplorer.app.MainViewModel;

/** Puts Train &amp; Compare into the main window, following the editor's network. */
public record TrainTab(TrainCompareViewModel viewModel, TrainCompareView view) {

    public static TrainTab install(MainController window, MainViewModel vm, Executor engine) {
        TrainCompareViewModel model = TrainCompareViewModel.forApp(engine, vm::spec);
        vm.revisionProperty().addListener((o, a, b) -> model.editorChanged());
        TrainCompareView view = new TrainCompareView(model);
        window.tab("trainTab").setContent(view);
        return new TrainTab(model, view);
    }

    /**
     * The start option resnet.train: "history:NAME" draws a shipped model's saved history,
     * "run:STEPS,BATCH,LIMIT" starts a run at once (for the documentation pictures).
     */
    public void applyStartOptions() {
        String option = System.getProperty("resnet.train");
        if (option == null) {
            return;
        }
        if (option.startsWith("history:")) {
            String name = option.substring(8);
            org.resnetexplorer.engine.ShippedModels.find(name).ifPresent(viewModel::showHistory);
        } else if (option.startsWith("run:")) {
            String[] n = option.substring(4).split(",");
            viewModel.stepsProperty().set(Integer.parseInt(n[0].trim()));
            if (n.length > 1) {
                viewModel.batchProperty().set(Integer.parseInt(n[1].trim()));
            }
            if (n.length > 2) {
                viewModel.limitProperty().set(Integer.parseInt(n[2].trim()));
            }
            viewModel.start();
        }
    }
}
