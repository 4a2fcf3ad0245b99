package org.resnetexplorer.app.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.app.GuiFixture;
import org.resnetexplorer.app.MainController;
import org.resnetexplorer.app.MainViewModel;
import org.resnetexplorer.app.train.TrainTab;
import org.resnetexplorer.engine.train.MetricsCsv;
import org.resnetexplorer.engine.train.MetricsRow;
import org.resnetexplorer.model.InputShape;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The probe tabs and Train &amp; Compare draw for ResNet-20 on 28x28 (the editor's network,
 * untrained, so no model folder is needed), headless under Monocle.
 */
@ExtendWith(ApplicationExtension.class)
class InsideViewsGuiTest {

    private final GuiFixture fixture = new GuiFixture();
    private final ExecutorService engine = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "engine");
        t.setDaemon(true);
        return t;
    });
    private MainViewModel vm;
    private MainController window;
    private InsideTabs inside;
    private TrainTab train;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        vm = fixture.viewModel();
        vm.setInput(new InputShape(1, 28, 28));
        window = fixture.show(stage, vm);
        inside = InsideTabs.install(window, vm, engine);
        train = TrainTab.install(window, vm, engine);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> inside.selection().dispose());
        engine.shutdown();
        fixture.close();
    }

    private void openEditorNetwork(FxRobot robot, String tab) {
        robot.interact(() -> {
            window.tab(tab).getTabPane().getSelectionModel().select(window.tab(tab));
            assertTrue(inside.selection().preselect("editor", "fashion-1-trouser-1.png"));
        });
        waitFor(robot, () -> inside.selection().reportProperty().get() != null, 40);
    }

    @Test
    void featureMapsSwitchLayerWithoutTheEngineInWellUnderATenthOfASecond(FxRobot robot) {
        openEditorNetwork(robot, "featureMapsTab");
        InsideReport r = inside.selection().reportProperty().get();
        assertEquals("untrained twin", r.twinLabel());
        ListView<String> layers = robot.lookup("#featureLayerList").queryListView();
        assertTrue(layers.getItems().size() > 40, "every layer of ResNet-20");
        assertNotNull(inside.featureMapsView().resnetGrid().gridView().getImage());
        int calls = inside.selection().engineCalls();
        long redraws = inside.featureMapsView().redraws();
        long worst = 0;
        for (String layer : List.of("stem.conv", "stage1.block1.relu", "stage2.block1.add",
                "stage3.block3.relu", "stage2.block2.conv1", "head.fc")) {
            // the redraw runs on the FX thread inside the selection change: time just that
            long[] took = new long[1];
            robot.interact(() -> {
                long t0 = System.nanoTime();
                layers.getSelectionModel().select(layer);
                took[0] = System.nanoTime() - t0;
            });
            worst = Math.max(worst, took[0]);
            assertEquals(layer, inside.featureMaps().layerProperty().get());
        }
        assertTrue(worst < 100_000_000L, "slowest layer switch " + worst / 1e6 + " ms");
        assertEquals(calls, inside.selection().engineCalls(), "no engine call for a layer");
        assertTrue(inside.featureMapsView().redraws() >= redraws + 6);
        robot.interact(() -> layers.getSelectionModel().select("stage2.block1.add"));
        assertTrue(((Label) robot.lookup("#plainGrid .placeholder").query()).getText()
                .contains("untrained twin"));
        robot.interact(() -> inside.featureMaps().channelProperty().set(5));
        assertTrue(robot.lookup("#resnetChannelStats").<Label>query().getText()
                .startsWith("mean "));
        // a block clicked in the editor: its output is shown, still without the engine
        robot.interact(() -> vm.select(new org.resnetexplorer.app.BlockPath(2, 1)));
        assertEquals("stage3.block2.relu", inside.featureMaps().layerProperty().get());
        assertEquals("stage3.block2.relu", layers.getSelectionModel().getSelectedItem());
        assertEquals(calls, inside.selection().engineCalls());
    }

    @Test
    void shortcutsAndGradientsDrawBothNetworks(FxRobot robot) {
        openEditorNetwork(robot, "shortcutsTab");
        ShortcutsView s = inside.shortcutsView();
        assertEquals(2 * 18, s.figure7Chart().pointCount(), "18 batch norms in 9 blocks, twice");
        assertEquals(4 * 9, s.blocksChart().pointCount());
        assertTrue(robot.lookup("#figure7Caption").<Label>query().getText()
                .contains("untrained twin"));
        robot.interact(() -> window.tab("gradientsTab").getTabPane().getSelectionModel()
                .select(window.tab("gradientsTab")));
        waitFor(robot, () -> inside.gradients().resultProperty().get() != null, 60);
        assertEquals(2 * 20, inside.gradientsView().weightsChart().pointCount(),
                "20 weighted layers on the main path, twice");
        String line = robot.lookup("#gradientRatio").<Label>query().getText();
        assertTrue(line.startsWith("Gradient reaching the first block: ResNet "), line);
        assertTrue(line.contains("weights at initialisation"), line);
    }

    @Test
    void trainTabDrawsSavedHistoriesAndSaysWhyItCannotTrain(FxRobot robot) throws Exception {
        for (String n : List.of("resnet20-t", "plain20-t")) {
            Path f = Files.createDirectories(dir.resolve(n));
            MetricsCsv.write(f.resolve("metrics.csv"), List.of(
                    new MetricsRow(100, 0.5, 1, 0.3, 0.3, 0.1),
                    new MetricsRow(200, 1, 0.5, 0.2, 0.25, 0.1)));
        }
        robot.interact(() -> train.viewModel().showHistory(dir.resolve("resnet20-t")));
        assertEquals(8, train.view().errorChart().pointCount());
        assertEquals(4, train.view().lossChart().pointCount());
        assertTrue(robot.lookup("#trainStatus").<Label>query().getText()
                .startsWith("Saved histories: resnet20-t"));
        assertTrue(!robot.lookup("#trainButton").query().isDisabled());
        robot.interact(() -> vm.showArchitecture(org.resnetexplorer.model.Presets.get("resnet20")
                .plainTwin()));
        assertTrue(robot.lookup("#trainButton").query().isDisabled());
        assertTrue(robot.lookup("#trainReason").<Label>query().getText()
                .contains("no skip connections"));
    }

    private static void waitFor(FxRobot robot, BooleanSupplier condition, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            boolean[] ok = new boolean[1];
            robot.interact(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                return;
            }
            assertTrue(System.nanoTime() < end, "timed out");
            robot.sleep(100);
        }
    }
}
