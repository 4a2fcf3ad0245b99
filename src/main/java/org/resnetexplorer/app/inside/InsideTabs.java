package org.resnetexplorer.app.inside;

import java.util.concurrent.Executor;
import javafx.scene.control.Tab;
import org.resnetexplorer.app.MainController;
import org.resnetexplorer.app.MainViewModel;

/**
 * Puts the three probe tabs (Feature maps, Shortcuts, Gradients) into the main window around one
 * shared selection. Returned so that tests and start options can drive it.
 */
public record InsideTabs(InsideSelection selection, FeatureMapsViewModel featureMaps,
        GradientsViewModel gradients, FeatureMapsView featureMapsView,
        ShortcutsView shortcutsView, GradientsView gradientsView) {

    public static InsideTabs install(MainController window, MainViewModel vm, Executor engine) {
        InsideSelection selection = new InsideSelection(engine, vm::spec);
        vm.shownProperty().addListener((o, a, b) -> {
            if (vm.validProperty().get()) {
                selection.editorChanged();
            }
        });
        FeatureMapsViewModel maps = new FeatureMapsViewModel(selection);
        // a block clicked in the editor shows its output in Feature maps, when the probed
        // network is the editor's (same stages; the editor holds a loaded model's architecture)
        vm.selectionProperty().addListener((o, a, path) -> {
            InsideReport r = selection.reportProperty().get();
            if (path != null && r != null
                    && r.resnetSpec().stages().equals(vm.spec().stages())) {
                maps.showBlock(path.stage() + 1, path.block() + 1);
            }
        });
        GradientsViewModel gradients = new GradientsViewModel(engine, selection);
        FeatureMapsView mapsView = new FeatureMapsView(maps, selection);
        ShortcutsView shortcutsView = new ShortcutsView(selection);
        GradientsView gradientsView = new GradientsView(gradients, selection);
        window.tab("featureMapsTab").setContent(mapsView);
        window.tab("shortcutsTab").setContent(shortcutsView);
        Tab gradientsTab = window.tab("gradientsTab");
        gradientsTab.setContent(gradientsView);
        // backward passes cost more than a forward one: only for a tab someone is looking at
        gradientsTab.selectedProperty().addListener((o, a, now) -> {
            if (now) {
                gradients.computeIfStale();
            }
        });
        selection.pairRevisionProperty().addListener((o, a, b) -> {
            if (gradientsTab.isSelected()) {
                gradients.computeIfStale();
            }
        });
        return new InsideTabs(selection, maps, gradients, mapsView, shortcutsView,
                gradientsView);
    }

    /**
     * The start option resnet.inside=MODEL,IMAGE[,LAYER] (e.g. for the documentation pictures):
     * what the probe tabs open with.
     */
    public void applyStartOptions() {
        String option = System.getProperty("resnet.inside");
        if (option == null || option.isBlank()) {
            return;
        }
        String[] parts = option.split(",");
        if (parts.length >= 3) {
            featureMaps.layerProperty().set(parts[2].trim());
            // the layer list is filled when the pass arrives; keep the choice until then
            selection.reportProperty().addListener((o, a, r) -> {
                if (r != null && featureMaps.layers().contains(parts[2].trim())) {
                    featureMaps.layerProperty().set(parts[2].trim());
                }
            });
        }
        selection.preselect(parts[0].trim(), parts.length > 1 ? parts[1].trim() : null);
    }
}
