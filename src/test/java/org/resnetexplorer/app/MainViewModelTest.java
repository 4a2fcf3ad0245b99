package org.resnetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.model.BlockKind;
import org.resnetexplorer.model.BlockSpec;
import org.resnetexplorer.model.NetworkAnalysis;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;
import org.resnetexplorer.model.ShortcutKind;
import org.resnetexplorer.model.ShortcutOption;
import org.resnetexplorer.model.SpecJson;

/** The presentation model on its own: no toolkit, no window. */
class MainViewModelTest {

    private final TestSettings prefs = new TestSettings();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final MainViewModel vm =
            new MainViewModel(Presets.get("resnet20"), dialogs, prefs.settings());

    @TempDir
    Path dir;

    @AfterEach
    void removePrefs() {
        prefs.remove();
    }

    @Test
    void editUndoRedoAndDirtyFlag() {
        NetworkSpec original = vm.spec();
        assertFalse(vm.document().isDirty());
        assertEquals("resnet20 — ResNet Explorer", vm.titleProperty().get());

        vm.select(new BlockPath(0, 1));
        vm.deleteSelected();
        assertEquals(8, vm.spec().blockCount());
        assertTrue(vm.document().isDirty());
        assertTrue(vm.titleProperty().get().contains("*"));
        assertEquals("Undo delete block", vm.document().undoTextProperty().get());

        vm.undo();
        assertEquals(original, vm.spec());
        assertFalse(vm.document().isDirty(), "back where it started is clean again");
        vm.redo();
        assertEquals(8, vm.spec().blockCount());
        vm.undo();

        vm.duplicateSelected();
        assertEquals(10, vm.spec().blockCount());
        assertEquals(new BlockPath(0, 2), vm.selectionProperty().get());
    }

    @Test
    void deleteKeepsSelectionInTheStageUntilItIsEmpty() {
        vm.select(new BlockPath(2, 0));
        vm.deleteSelected();
        vm.deleteSelected();
        vm.deleteSelected();
        assertTrue(vm.spec().stages().get(2).blocks().isEmpty());
        assertNull(vm.selectionProperty().get());
        assertFalse(vm.validProperty().get());
        assertTrue(vm.problemTextProperty().get().contains("stage 3: the stage has no blocks"));
    }

    @Test
    void plainToggleShowsTheTwinAndEditsStillGoToTheResNet() {
        long params = vm.analysisProperty().get().params();
        vm.plainProperty().set(true);
        assertTrue(vm.shownProperty().get().isPlain());
        // option A shortcuts have no weights, so the CIFAR twins count the same (the paper)
        assertEquals(params, vm.analysisProperty().get().params());
        vm.select(new BlockPath(0, 0));
        vm.duplicateSelected();
        assertFalse(vm.spec().isPlain(), "the edited network keeps its skip connections");
        vm.plainProperty().set(false);
        assertEquals(ShortcutKind.IDENTITY, vm.spec().stages().get(0).blocks().get(1).shortcut());
    }

    @Test
    void identityShortcutOnAStride2BlockIsReportedWithItsPlace() {
        vm.select(new BlockPath(1, 0));
        vm.replaceSelectedBlock(vm.selectedBlockProperty().get()
                .withShortcut(ShortcutKind.IDENTITY));
        assertFalse(vm.validProperty().get());
        assertNull(vm.analysisProperty().get());
        assertEquals(NetworkSummary.NONE, vm.summaryProperty().get());
        assertTrue(vm.problemTextProperty().get().startsWith("stage 2, block 1: an identity"
                + " shortcut cannot carry 16 channels"), vm.problemTextProperty().get());
        vm.plainProperty().set(true);
        assertTrue(vm.validProperty().get(), "the plain twin has no shortcut to be wrong");
    }

    @Test
    void paletteBlockKeepsTheShapeWhereItLands() {
        vm.insertNewBlock(BlockKind.BOTTLENECK, 2, 1);
        BlockSpec added = vm.spec().stages().get(2).blocks().get(1);
        assertEquals(64, added.outChannels());
        assertEquals(16, added.bottleneckWidth());
        assertTrue(vm.validProperty().get());
        assertEquals(new BlockPath(2, 1), vm.selectionProperty().get());
    }

    @Test
    void inspectorEditsBecomeUndoableEdits() {
        InspectorViewModel inspector = new InspectorViewModel(vm);
        vm.select(new BlockPath(1, 1));
        assertEquals(32, inspector.outChannelsProperty().get());
        inspector.outChannelsProperty().set(48);
        assertEquals(48, vm.spec().stages().get(1).blocks().get(1).outChannels());
        inspector.kindProperty().set(BlockKind.BOTTLENECK);
        BlockSpec b = vm.spec().stages().get(1).blocks().get(1);
        assertEquals(BlockKind.BOTTLENECK, b.kind());
        assertEquals(12, b.bottleneckWidth());
        vm.undo();
        vm.undo();
        assertEquals(Presets.get("resnet20"), vm.spec());
        assertEquals(ShortcutOption.A, inspector.shortcutOptionProperty().get());
        inspector.shortcutOptionProperty().set(ShortcutOption.B);
        assertEquals(ShortcutKind.PROJECTION,
                vm.spec().stages().get(1).blocks().get(0).shortcut());
        inspector.classesProperty().set(100);
        assertEquals(100, vm.spec().numClasses());
    }

    @Test
    void theStemIsEditedFromTheInspectorLikeABlock() {
        InspectorViewModel inspector = new InspectorViewModel(vm);
        assertEquals(16, inspector.stemChannelsProperty().get());
        // ResNet-20 with an ImageNet-style stem: 7x7 / 2 and a max pool
        inspector.stemKernelProperty().set(7);
        inspector.stemStrideProperty().set(2);
        inspector.stemPoolProperty().set(true);
        assertEquals(new org.resnetexplorer.model.StemSpec(16, 7, 2, true), vm.spec().stem());
        assertEquals(8, vm.analysisProperty().get().layers().stream()
                .filter(l -> l.name().equals("stem.pool")).findFirst().orElseThrow()
                .outShape().height(), "32 / 2 / 2");
        assertEquals("Undo change stem", vm.document().undoTextProperty().get());
        vm.undo();
        vm.undo();
        vm.undo();
        assertEquals(Presets.get("resnet20"), vm.spec());
        assertEquals(3, inspector.stemKernelProperty().get());
    }

    @Test
    void saveAsAddsTheExtensionAndReopensEqual() throws Exception {
        vm.select(new BlockPath(0, 0));
        vm.deleteSelected();
        NetworkSpec edited = vm.spec();
        dialogs.saveAnswer = dir.resolve("mine");
        assertTrue(vm.save());
        Path file = dir.resolve("mine" + SpecJson.EXTENSION);
        assertTrue(Files.exists(file));
        assertFalse(vm.document().isDirty());
        assertEquals("mine.resnet.json — ResNet Explorer", vm.titleProperty().get());
        assertEquals(file, vm.recentFiles().get(0));

        vm.newFromPreset("resnet56");
        assertEquals(27, vm.spec().blockCount());
        dialogs.openAnswer = file;
        vm.open();
        assertEquals(edited, vm.spec());
        assertEquals(file, vm.document().file());
        assertEquals(NetworkAnalysis.of(edited).params(), vm.analysisProperty().get().params());
    }

    @Test
    void unreadableFilesGiveAMessageNotATrace() throws Exception {
        Path bad = dir.resolve("bad" + SpecJson.EXTENSION);
        Files.writeString(bad, "{ \"format\": 1, \"name\": ");
        assertFalse(vm.openFile(bad));
        assertFalse(vm.openFile(dir.resolve("missing.resnet.json")));
        assertEquals(2, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("bad.resnet.json: not valid JSON"),
                dialogs.errors.get(0));
        assertTrue(dialogs.errors.get(1).contains("the file does not exist"));
        assertEquals(Presets.get("resnet20"), vm.spec(), "a failed open keeps the network");
    }

    @Test
    void unsavedChangesAreGuarded() {
        vm.select(new BlockPath(0, 0));
        vm.deleteSelected();
        dialogs.unsavedAnswer = UnsavedChoice.CANCEL;
        vm.newFromPreset("resnet18");
        assertEquals("resnet20", vm.spec().name());
        dialogs.unsavedAnswer = UnsavedChoice.DISCARD;
        assertTrue(vm.confirmDiscard());
        vm.newFromPreset("resnet18");
        assertEquals("resnet18", vm.spec().name());
        assertEquals(3, dialogs.unsavedAsked);
        assertFalse(vm.document().isDirty());
        assertTrue(vm.confirmDiscard(), "a clean network closes without asking");
        assertEquals(3, dialogs.unsavedAsked);
    }

    @Test
    void recentFilesAreRemembered() throws Exception {
        dialogs.saveAnswer = dir.resolve("a.resnet.json");
        vm.saveAs();
        dialogs.saveAnswer = dir.resolve("b.resnet.json");
        vm.saveAs();
        dialogs.saveAnswer = dir.resolve("a.resnet.json");
        vm.saveAs();
        assertEquals(2, vm.recentFiles().size());
        assertEquals(dir.resolve("a.resnet.json"), vm.recentFiles().get(0));
        MainViewModel again = new MainViewModel(Presets.get("resnet20"), dialogs,
                prefs.settings());
        assertEquals(vm.recentFiles(), again.recentFiles());
    }

    @Test
    void engineFailureShowsTheEnginesOwnSentence() {
        assertEquals("no natives", MainViewModel.engineFailure(
                new org.resnetexplorer.engine.EngineUnavailableException("no natives", null)));
    }
}
