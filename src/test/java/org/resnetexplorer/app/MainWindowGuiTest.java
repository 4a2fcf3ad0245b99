package org.resnetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.app.editor.BlockEditorView;
import org.resnetexplorer.app.editor.DragPayload;
import org.resnetexplorer.app.editor.EditorLayout;
import org.resnetexplorer.model.BlockKind;
import org.resnetexplorer.model.NetworkAnalysis;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;
import org.resnetexplorer.model.SpecJson;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main window driven like a teacher would, headless under Monocle. Drops go through
 * {@link BlockEditorView#drop}, the method the DRAG_DROPPED handler calls, except in the first
 * test, which tries one real drag from the palette (Monocle manages one before any other drag).
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowGuiTest {

    private final TestSettings prefs = new TestSettings();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainViewModel vm;
    private MainController window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel(Presets.get("resnet20"), dialogs, prefs.settings());
        window = MainWindow.show(stage, vm);
        // The real probe starts MXNet (a second and a native library); its threading is the same.
        vm.probeEngine(Runnable::run, () -> "Stub engine · CPU");
    }

    @AfterEach
    void removePrefs() {
        prefs.remove();
    }

    @Test
    @Order(1)
    void realDragFromThePaletteAddsABlock(FxRobot robot) {
        Node stage3 = robot.lookup("#stage-3").query();
        Point2D target = robot.point(stage3).query();
        robot.drag("#paletteBottleneck").dropTo(target);
        robot.sleep(200);
        assertEquals(4, vm.spec().stages().get(2).blocks().size());
        assertEquals(BlockKind.BOTTLENECK, vm.selectedBlockProperty().get().kind());
    }

    @Test
    @Order(2)
    void buildResNet20ByHandFromEmptyStages(FxRobot robot) {
        for (int s = 1; s <= 3; s++) {
            robot.clickOn("#block-" + s + "-1");
            robot.type(KeyCode.DELETE, 3);
        }
        assertEquals(0, vm.spec().blockCount());
        assertTrue(banner(robot).isVisible());
        assertTrue(banner(robot).getText().contains("stage 1: the stage has no blocks"));
        assertEquals("Parameters —", label(robot, "#paramsLabel"));

        int[] widths = {16, 32, 64};
        for (int s = 0; s < 3; s++) {
            dropBasicBlockAtEndOf(robot, s);
            if (s > 0) {
                robot.clickOn("#block-" + (s + 1) + "-1");
                typeInto(robot, "#outChannelsSpinner", widths[s]);
                typeInto(robot, "#strideSpinner", 2);
            }
            dropBasicBlockAtEndOf(robot, s);
            dropBasicBlockAtEndOf(robot, s);
        }
        assertFalse(vm.validProperty().get(), "identity shortcuts on the stride-2 blocks");
        robot.clickOn("#optionBox");
        robot.clickOn("A (zero-pad)");

        assertEquals(Presets.get("resnet20"), vm.spec());
        long expected = NetworkAnalysis.of(Presets.get("resnet20")).params();
        assertEquals(269_722, expected);
        assertEquals("Parameters 269,722", label(robot, "#paramsLabel"));
        assertEquals("Depth 20 layers", label(robot, "#depthLabel"));
        assertEquals("✓ valid", label(robot, "#validityLabel"));
        assertFalse(banner(robot).isVisible());
    }

    @Test
    @Order(3)
    void plainTwinDrawsNoSkipArcs(FxRobot robot) {
        assertEquals(9, robot.lookup(".skip-arc").queryAll().size());
        assertEquals(2, robot.lookup(".skip-arc.zero-pad").queryAll().size());
        robot.clickOn("#plainToggle");
        assertTrue(robot.lookup(".skip-arc").queryAll().isEmpty());
        assertTrue(robot.lookup(".sum-node").queryAll().isEmpty());
        assertEquals("Parameters 269,722", label(robot, "#paramsLabel"),
                "option A adds no weights, so the twin counts the same");
        robot.clickOn("#plainToggle");
        assertEquals(9, robot.lookup(".skip-arc").queryAll().size());
    }

    @Test
    @Order(4)
    void identityShortcutOnAStride2BlockIsMarkedThenUndoneAndRedone(FxRobot robot) {
        robot.clickOn("#block-2-1");
        robot.clickOn("#shortcutBox");
        robot.clickOn("Identity");
        String expected = "stage 2, block 1: an identity shortcut cannot carry 16 channels";
        assertTrue(banner(robot).isVisible());
        assertTrue(banner(robot).getText().contains(expected), banner(robot).getText());
        assertTrue(robot.lookup("#block-2-1").query().getStyleClass().contains("invalid"));
        assertEquals(1, robot.lookup(".problem-text").queryAll().size());
        assertEquals("✗ 1 problem", label(robot, "#validityLabel"));
        assertFalse(vm.validProperty().get());
        assertTrue(robot.lookup("#layerTable").queryTableView().getItems().isEmpty());

        robot.clickOn("#block-2-2");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertTrue(vm.validProperty().get());
        assertFalse(banner(robot).isVisible());
        assertFalse(robot.lookup("#block-2-1").query().getStyleClass().contains("invalid"));
        assertEquals(NetworkAnalysis.of(vm.spec()).layers().size(),
                robot.lookup("#layerTable").queryTableView().getItems().size());
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        assertFalse(vm.validProperty().get());
        robot.clickOn("#undoButton");
        assertTrue(vm.validProperty().get());
        assertEquals(Presets.get("resnet20"), vm.spec());
    }

    @Test
    @Order(5)
    void saveToAFileAndReopenIt(FxRobot robot) throws Exception {
        robot.clickOn("#block-3-2");
        robot.push(KeyCode.CONTROL, KeyCode.D);
        NetworkSpec edited = vm.spec();
        assertEquals(10, edited.blockCount());
        assertTrue(stageTitle(robot).endsWith(" * — ResNet Explorer"), stageTitle(robot));

        dialogs.saveAnswer = dir.resolve("ten-blocks.resnet.json");
        robot.clickOn("#saveButton");
        assertTrue(Files.exists(dialogs.saveAnswer));
        assertEquals("ten-blocks.resnet.json — ResNet Explorer", stageTitle(robot));

        robot.interact(() -> vm.newFromPreset("resnet50"));
        assertEquals("resnet50", vm.spec().name());
        dialogs.openAnswer = dialogs.saveAnswer;
        robot.interact(vm::open);
        assertEquals(edited, vm.spec());
        assertEquals(edited, SpecJson.read(dialogs.saveAnswer));

        Path broken = dir.resolve("broken.resnet.json");
        Files.writeString(broken, "{\"format\": 1, \"name\": \"x\", \"colour\": 3}");
        robot.interact(() -> vm.openFile(broken));
        assertTrue(dialogs.errors.get(0).contains("broken.resnet.json: unknown field 'colour'"),
                dialogs.errors.get(0));
        assertEquals(edited, vm.spec());
    }

    @Test
    @Order(6)
    void engineLineAndFoldedRuns(FxRobot robot) {
        assertEquals("Stub engine · CPU", label(robot, "#engineLabel"));
        robot.interact(() -> vm.newFromPreset("resnet110"));
        // stage 1: 18 identical blocks; stages 2 and 3: a strided block, then 17 identical
        assertEquals(List.of("× 17", "× 17", "× 18"), robot.lookup(".run-count").queryAll()
                .stream().map(n -> ((Label) n).getText()).sorted().toList());
        assertFalse(robot.lookup("#block-2-18").tryQuery().isPresent());
        robot.clickOn("#block-2-2");
        assertEquals(2, robot.lookup(".block.run").queryAll().size());
        assertTrue(robot.lookup("#block-2-18").tryQuery().isPresent());
    }

    private void dropBasicBlockAtEndOf(FxRobot robot, int stage) {
        robot.interact(() -> {
            BlockEditorView editor = window.editor();
            EditorLayout.Row row = editor.layoutNow().stageRows().get(stage);
            assertTrue(editor.drop(new DragPayload.NewBlock(BlockKind.BASIC),
                    editor.layoutNow().width(), row.lineY()));
        });
    }

    private static void typeInto(FxRobot robot, String spinnerId, int value) {
        Spinner<?> spinner = robot.lookup(spinnerId).query();
        robot.clickOn(spinner.getEditor());
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(Integer.toString(value));
        robot.type(KeyCode.ENTER);
    }

    private static Label banner(FxRobot robot) {
        return robot.lookup("#problemBanner").query();
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).<Label>query().getText();
    }

    private String stageTitle(FxRobot robot) {
        return ((Stage) robot.lookup("#root").query().getScene().getWindow()).getTitle();
    }
}
