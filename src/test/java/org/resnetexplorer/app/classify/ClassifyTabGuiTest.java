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

    private String modelsBefore;

    @Start
    void start(Stage stage) {
        // downloads of this test land in its own folder
        modelsBefore = System.getProperty("resnet.models");
        System.setProperty("resnet.models", dir.resolve("models").toString());
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
        if (modelsBefore == null) {
            System.clearProperty("resnet.models");
        } else {
            System.setProperty("resnet.models", modelsBefore);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(condition.getAsBoolean(), what);
    }

    private void choose(String label) throws Exception {
        select(label);
        ClassifyViewModel m = views.classify();
        await("model loaded", () -> !m.busyProperty().get() && m.loaded() != null
                && m.loaded().choice().equals(m.selectedProperty().get()));
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

    private void select(String label) throws Exception {
        ClassifyViewModel m = views.classify();
        ModelChoice choice = m.choices().stream().filter(c -> c.label().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no choice " + label + " in "
                        + m.choices()));
        WaitForAsyncUtils.asyncFx(() -> m.selectedProperty().set(choice)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickDownload(FxRobot robot) throws Exception {
        javafx.scene.control.Button download = robot.lookup("#downloadModel")
                .queryAs(javafx.scene.control.Button.class);
        assertTrue(download.isVisible(), "a Download button beside the chooser");
        WaitForAsyncUtils.asyncFx(download::fire).get();
    }

    @Test
    void anImageNetResNetIsDownloadedConvertedLoadedAndClassifiesAPhoto(FxRobot robot)
            throws Exception {
        ClassifyViewModel m = views.classify();
        Path zoo = Files.createDirectories(dir.resolve("zoo"));
        // the zoo's files as DJL would leave them in its cache (the download cannot run here)
        m.setZooFetcher((which, listener, cancelled) -> {
            assertEquals("resnet18_v1", which.artifact());
            listener.progress(20 << 20, 45 << 20);
            org.resnetexplorer.engine.zoo.GluonResNet.weights(5)
                    .write(zoo.resolve("resnet18_v1-0000.params"));
            org.resnetexplorer.engine.zoo.GluonResNet.synset(zoo.resolve("synset.txt"), 1000);
            return zoo;
        });
        select("ResNet-18 (ImageNet) · download, about 45 MB");
        assertTrue(m.statusProperty().get().startsWith("ResNet-18 (ImageNet) is not on this"
                + " computer yet"), m.statusProperty().get());
        clickDownload(robot);
        await("downloaded, converted and loaded", () -> !m.busyProperty().get()
                && m.loaded() != null && m.loaded().choice().label().equals("resnet18-imagenet"));
        assertEquals(ModelChoice.Kind.USER, m.loaded().choice().kind());
        assertTrue(m.choices().stream().noneMatch(c -> c.label().startsWith("ResNet-18")),
                "no longer offered for download: " + m.choices());
        assertEquals("resnet18-imagenet", vm.spec().name(), "its architecture is in the editor");
        assertTrue(m.modelDescriptionProperty().get().contains("input 3x224x224"),
                m.modelDescriptionProperty().get());

        WaitForAsyncUtils.asyncFx(() -> view.onFilesDropped(List.of(
                new File("sample-images/photo-cat-chelsea.png")))).get();
        await("classified", () -> m.cards().size() == 1 && !m.busyProperty().get());
        ImageCard card = m.cards().get(0);
        assertTrue(card.ok());
        assertEquals(5, card.resnet().top().size());
        assertEquals(3 * 224 * 224, card.resnet().input().pixels().length);
        assertTrue(card.resnet().top().get(0).label().matches("tench|class \\d+"),
                card.resnet().top().get(0).label());
    }

    @Test
    void offlineTheDownloadSaysSoAndTheLoadedModelCarriesOn(FxRobot robot) throws Exception {
        choose("resnet20-fashion");
        ClassifyViewModel m = views.classify();
        String offline = "Cannot reach DJL's model zoo (mlrepo.djl.ai): this computer seems to"
                + " be offline. The shipped models still work; download again when you are"
                + " online.";
        m.setZooFetcher((which, listener, cancelled) -> {
            throw new java.io.IOException(offline);
        });
        select("ResNet-50 (ImageNet) · download, about 100 MB");
        clickDownload(robot);
        await("gave up", () -> !m.busyProperty().get() && offline.equals(m.statusProperty().get()));
        assertEquals("resnet20-fashion", m.selectedProperty().get().label());
        assertTrue(Files.notExists(dir.resolve("models/resnet50-imagenet")));

        WaitForAsyncUtils.asyncFx(() -> view.onFilesDropped(List.of(
                new File("sample-images/fashion-1-trouser-1.png")))).get();
        await("still classifies", () -> m.cards().size() == 1 && !m.busyProperty().get());
        assertEquals("Trouser", m.cards().get(0).resnet().top().get(0).label());
    }

    /** Starts a download that goes on until it is cancelled, and waits until it is under way. */
    private void startEndlessDownload(FxRobot robot, String entry) throws Exception {
        ClassifyViewModel m = views.classify();
        m.setZooFetcher((which, listener, cancelled) -> {
            for (long done = 0; !cancelled.getAsBoolean(); done += 1 << 20) {
                listener.progress(done, (long) which.megabytes() << 20);
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            }
            throw new java.util.concurrent.CancellationException();
        });
        select(entry);
        clickDownload(robot);
        await("downloading", () -> m.statusProperty().get().startsWith("Downloading "
                + entry.substring(0, entry.indexOf(" ("))));
    }

    @Test
    void aCancelledDownloadKeepsNothing(FxRobot robot) throws Exception {
        ClassifyViewModel m = views.classify();
        startEndlessDownload(robot, "ResNet-34 (ImageNet) · download, about 85 MB");
        assertTrue(robot.lookup("#cancelClassify").query().isVisible());
        assertTrue(robot.lookup("#modelChooser").query().isDisabled(),
                "the choice stays what is being fetched");
        WaitForAsyncUtils.asyncFx(m::cancel).get();
        await("cancelled", () -> !m.busyProperty().get());
        assertEquals("Download cancelled; nothing was kept.", m.statusProperty().get());
        assertTrue(Files.notExists(dir.resolve("models/resnet34-imagenet")));
    }

    @Test
    void choosingAnotherModelDuringADownloadStopsItAndLoadsThatOne(FxRobot robot)
            throws Exception {
        ClassifyViewModel m = views.classify();
        startEndlessDownload(robot, "ResNet-152 (ImageNet) · download, about 230 MB");
        choose("resnet20-fashion");
        assertEquals("resnet20-fashion", m.selectedProperty().get().label());
        assertEquals("Ready: drop images here.", m.statusProperty().get());
        assertTrue(!m.downloadingProperty().get());
        WaitForAsyncUtils.asyncFx(() -> view.onFilesDropped(List.of(
                new File("sample-images/fashion-8-bag-1.png")))).get();
        await("classified", () -> m.cards().size() == 1 && !m.busyProperty().get());
        assertEquals("Bag", m.cards().get(0).resnet().top().get(0).label());
    }
}
