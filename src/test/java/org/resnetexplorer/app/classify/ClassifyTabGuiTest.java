package org.resnetexplorer.app.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.app.MainController;
import org.resnetexplorer.app.MainViewModel;
import org.resnetexplorer.app.MainWindow;
import org.resnetexplorer.app.Views;
import org.resnetexplorer.engine.ShippedModelsTest;
import org.resnetexplorer.engine.data.FashionMnist;
import org.resnetexplorer.model.Presets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Classify tab as a teacher uses it: choose the shipped model, drop the sample images (through
 * the handler the DRAG_DROPPED event calls, since an OS drag cannot be simulated headless), read
 * the labels on the cards, see a bad file's card, switch model.
 */
@ExtendWith(ApplicationExtension.class)
class ClassifyTabGuiTest {

    private final ExecutorService engine = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "engine-test");
        t.setDaemon(true);
        return t;
    });
    private MainViewModel vm;
    private Views views;
    private ClassifyView view;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel(Presets.get("resnet20"),
                new org.resnetexplorer.app.FxDialogService(stage),
                new org.resnetexplorer.app.AppSettings(java.util.prefs.Preferences.userRoot()
                        .node("resnet-explorer-tests/classify")));
        MainController window = MainWindow.show(stage, vm);
        views = Views.install(window, vm, engine);
        window.tab("classifyTab").getTabPane().getSelectionModel()
                .select(window.tab("classifyTab"));
        view = (ClassifyView) window.tab("classifyTab").getContent();
    }

    @AfterEach
    void stop() {
        engine.shutdownNow();
    }

    private static void await(String what, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(condition.getAsBoolean(), what);
    }

    private void choose(String label) throws Exception {
        ClassifyViewModel m = views.classify();
        ModelChoice choice = m.choices().stream().filter(c -> c.label().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no choice " + label + " in "
                        + m.choices()));
        WaitForAsyncUtils.asyncFx(() -> m.selectedProperty().set(choice)).get();
        await("model loaded", () -> !m.busyProperty().get() && m.loaded() != null
                && m.loaded().choice().equals(choice));
    }

    @Test
    void droppedSamplesGetTheirLabelsAndABadFileGetsItsOwnCard(FxRobot robot) throws Exception {
        choose("resnet20-fashion");
        assertEquals("Ready: drop images here.", views.classify().statusProperty().get());
        // the model's architecture is now in the editor, at the data set's input size
        assertEquals(1, vm.spec().input().channels());

        List<File> files = new ArrayList<>();
        try (var list = Files.list(Path.of("sample-images"))) {
            list.filter(p -> p.getFileName().toString().startsWith("fashion-")).sorted()
                    .forEach(p -> files.add(p.toFile()));
        }
        Path broken = Files.writeString(dir.resolve("broken.png"), "not a picture");
        files.add(broken.toFile());
        WaitForAsyncUtils.asyncFx(() -> view.onFilesDropped(files)).get();
        await("all classified", () -> views.classify().cards().size() == 21
                && !views.classify().busyProperty().get());

        for (ImageCard card : views.classify().cards()) {
            String name = card.file().getFileName().toString();
            if (!name.startsWith("fashion-")) {
                continue;
            }
            String expected = FashionMnist.CLASSES.get(Integer.parseInt(name.split("-")[1]));
            String shown = ShippedModelsTest.EXPECTED_MISSES.getOrDefault(name, expected);
            assertEquals(shown, card.resnet().top().get(0).label(), name);
            assertEquals(5, card.resnet().top().size());
            assertTrue(card.twin() != null, "the plain twin runs beside it");
            javafx.scene.Node node = robot.lookup("#card-" + ImageCardView.idOf(card)).query();
            assertTrue(node.isVisible());
        }
        Label reason = robot.lookup("#error-broken-png .card-error").queryAs(Label.class);
        assertEquals("broken.png: not an image in a format this app reads (PNG, JPEG, BMP, GIF,"
                + " TIFF)", reason.getText());
        assertEquals("21 images classified, 1 could not be read.",
                views.classify().statusProperty().get());
    }

    @Test
    void switchingToTheEditorNetworkSaysItIsUntrained() throws Exception {
        choose("resnet20-fashion");
        choose(ModelChoice.editor().label());
        assertTrue(views.classify().statusProperty().get().startsWith("Untrained weights"));
        assertTrue(views.classify().modelDescriptionProperty().get()
                .contains("plain twin (untrained)"));
    }
}
