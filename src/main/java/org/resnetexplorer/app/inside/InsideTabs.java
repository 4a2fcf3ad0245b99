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
}
