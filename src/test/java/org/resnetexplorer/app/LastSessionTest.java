package org.resnetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Tab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.app.classify.ClassifyViewModel;
import org.resnetexplorer.app.classify.ModelChoice;
import org.resnetexplorer.model.Presets;
import org.resnetexplorer.model.SpecJson;

/**
 * The last session survives a restart: everything is written through one view model and read
 * back by a new one on the same preferences node. Engine work is parked (never run): only the
 * choices made are checked here, not the models loaded.
 */
class LastSessionTest {

    private final TestSettings prefs = new TestSettings();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<Runnable> parked = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void removePrefs() {
        prefs.remove();
    }

    private ClassifyViewModel classify(MainViewModel vm) {
        return new ClassifyViewModel(parked::add, vm::spec);
    }

    @Test
    void settingsRoundTripThroughANewViewModel() throws Exception {
        Path file = dir.resolve("mine.resnet.json");
        SpecJson.write(Presets.get("resnet32"), file);
        AppSettings first = prefs.settings();
        MainViewModel vm = new MainViewModel(Presets.get("resnet20"), dialogs, first);
        ClassifyViewModel classify = classify(vm);
        SimpleObjectProperty<Tab> tab = new SimpleObjectProperty<>();
        new LastSession(first).watch(vm, classify, tab);

        assertTrue(vm.openFile(file));
        vm.darkProperty().set(true);
        vm.presentationProperty().set(true);
        classify.deviceProperty().set("cpu");
        ModelChoice model = classify.choices().get(0);
        classify.selectedProperty().set(model);
        Tab shortcuts = new Tab("Shortcuts");
        shortcuts.setId("shortcutsTab");
        tab.set(shortcuts);
        new WindowPlacement(40, 30, 1200, 800, true).write(first);

        AppSettings again = prefs.settings();
        LastSession session = new LastSession(again);
        MainViewModel restored = new MainViewModel(session.startNetwork(), dialogs, again);
        session.reopenFile(restored);
        ClassifyViewModel classify2 = classify(restored);
        List<String> shown = new ArrayList<>();
        session.restoreViews(classify2, shown::add);

        assertEquals(file.toAbsolutePath(), restored.document().file());
        assertEquals(Presets.get("resnet32"), restored.spec());
        assertTrue(restored.darkProperty().get());
        assertTrue(restored.presentationProperty().get());
        assertEquals(model, classify2.selectedProperty().get());
        assertEquals("cpu", classify2.deviceProperty().get());
        assertEquals(List.of("shortcutsTab"), shown);
        assertEquals(Optional.of(new WindowPlacement(40, 30, 1200, 800, true)),
                WindowPlacement.read(again));
        assertEquals("", session.notice());
    }

    @Test
    void aPresetIsRememberedWhenNoFileIsOpen() {
        AppSettings settings = prefs.settings();
        MainViewModel vm = new MainViewModel(Presets.get("resnet20"), dialogs, settings);
        new LastSession(settings).watch(vm, classify(vm), new SimpleObjectProperty<>());
        vm.newFromPreset("resnet56");
        assertEquals(Presets.get("resnet56"), new LastSession(prefs.settings()).startNetwork());
    }

    @Test
    void aMissingFileFallsBackToTheLastPresetWithANotice() {
        AppSettings settings = prefs.settings();
        settings.setText(LastSession.PRESET, "resnet44");
        settings.setText(LastSession.FILE, dir.resolve("gone.resnet.json").toString());
        LastSession session = new LastSession(settings);
        MainViewModel vm = new MainViewModel(session.startNetwork(), dialogs, settings);
        session.reopenFile(vm);

        assertEquals(Presets.get("resnet44"), vm.spec());
        assertNull(vm.document().file());
        assertTrue(dialogs.errors.isEmpty(), "quietly: no dialog");
        assertTrue(session.notice().contains("gone.resnet.json is no longer there"),
                session.notice());
        assertTrue(settings.text(LastSession.FILE).isEmpty(), "forgotten");
    }

    @Test
    void aMissingModelOrTabFallsBackWithANotice() {
        AppSettings settings = prefs.settings();
        settings.setText(LastSession.MODEL, "plain56-fashion-never-shipped");
        settings.setText(LastSession.TAB, "aTabFromAnotherVersion");
        LastSession session = new LastSession(settings);
        MainViewModel vm = new MainViewModel(session.startNetwork(), dialogs, settings);
        ClassifyViewModel classify = classify(vm);
        session.restoreViews(classify, id -> {
            throw new IllegalArgumentException("no tab " + id);
        });
        assertNull(classify.selectedProperty().get());
        assertTrue(parked.isEmpty(), "nothing loaded");
        assertTrue(session.notice().contains("plain56-fashion-never-shipped is not installed"),
                session.notice());
    }

    @Test
    void aWindowOnAScreenThatIsGoneIsNotRestoredThere() {
        List<Rectangle2D> laptop = List.of(new Rectangle2D(0, 0, 1366, 768));
        assertTrue(new WindowPlacement(100, 50, 1200, 700, false).visibleOn(laptop));
        assertFalse(new WindowPlacement(1500, 50, 1200, 700, false).visibleOn(laptop),
                "was on the projector to the right");
        assertFalse(new WindowPlacement(100, -400, 1200, 700, false).visibleOn(laptop),
                "title bar above the screen");
        assertTrue(WindowPlacement.read(prefs.settings()).isEmpty());
    }
}
