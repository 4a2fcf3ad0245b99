package org.resnetexplorer.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.data.DatasetNotFoundException;
import org.resnetexplorer.model.Presets;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A tiny real run (ResNet-20, sample data, batch 50): pause holds it, cancel stops it. */
class TrainCompareViewModelTest {

    @TempDir
    Path runs;

    private final ExecutorService engine = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "engine");
        t.setDaemon(true);
        return t;
    });

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        engine.shutdownNow();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!fx(condition)) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(50);
        }
    }

    @Test
    void pauseHoldsTheRunResumeGoesOnCancelStopsAndSaves() throws Exception {
        TrainCompareViewModel vm = new TrainCompareViewModel(engine,
                () -> Presets.get("resnet20"),
                () -> Path.of("src/test/resources/fashion-mnist-sample"), () -> runs);
        fx(() -> {
            assertTrue(vm.canTrainProperty().get());
            assertTrue(vm.reasonProperty().get().contains("adapted from input 3x32x32"),
                    vm.reasonProperty().get());
            vm.stepsProperty().set(30);
            vm.batchProperty().set(50);
            vm.limitProperty().set(100);
            vm.start();
            return null;
        });
        waitFor(() -> vm.progressProperty().get() > 0, 60);
        fx(() -> {
            vm.togglePause();
            return null;
        });
        // the iteration under way when Pause was pressed (and its evaluation) may still finish;
        // on a loaded machine that takes seconds, so wait for progress to stand still first
        // the step under way when Pause was pressed (and its evaluation) finishes first; the
        // run has stopped when the view model says so
        waitFor(() -> vm.statusProperty().get().startsWith("Paused;"), 60);
        double held = fx(() -> vm.progressProperty().get());
        Thread.sleep(1500);
        assertEquals(held, fx(() -> vm.progressProperty().get()), "no step while paused");
        assertTrue(fx(() -> vm.pausedProperty().get() && vm.runningProperty().get()));
        fx(() -> {
            vm.togglePause();
            return null;
        });
        waitFor(() -> vm.progressProperty().get() > held, 60);
        fx(() -> {
            vm.cancel();
            return null;
        });
        waitFor(() -> !vm.runningProperty().get(), 60);
        String status = fx(() -> vm.statusProperty().get());
        assertTrue(status.startsWith("Cancelled after "), status);
        assertFalse(fx(() -> vm.resnetRows().isEmpty()), "curve points arrived live");
        Path out;
        try (var list = Files.list(runs)) {
            out = list.findFirst().orElseThrow();
        }
        assertTrue(Files.isRegularFile(out.resolve("curves.csv")));
        assertTrue(Files.isRegularFile(out.resolve("resnet").resolve("metrics.csv")));
        assertTrue(Files.isRegularFile(out.resolve("plain").resolve("spec.resnet.json")));
    }

    @Test
    void missingDataSaysTheThreeWaysAndPlainNetworksCannotTrain() throws Exception {
        AtomicReference<org.resnetexplorer.model.NetworkSpec> spec =
                new AtomicReference<>(Presets.get("resnet20"));
        TrainCompareViewModel vm = new TrainCompareViewModel(engine,
                spec::get, () -> {
                    throw new DatasetNotFoundException("Fashion-MNIST was not found. Get it one"
                            + " of three ways: ...");
                }, () -> runs);
        fx(() -> {
            vm.stepsProperty().set(2);
            vm.start();
            return null;
        });
        waitFor(() -> !vm.runningProperty().get(), 30);
        assertTrue(fx(() -> vm.statusProperty().get()).startsWith(
                "Fashion-MNIST was not found. Get it one of three ways"));
        spec.set(Presets.get("resnet20").plainTwin());
        fx(() -> {
            vm.editorChanged();
            return null;
        });
        assertFalse(fx(() -> vm.canTrainProperty().get()));
        assertTrue(fx(() -> vm.reasonProperty().get()).contains("no skip connections"));
    }

    @Test
    void missingDataIsDownloadedOnRequestOrTheReasonIsShown() throws Exception {
        Path sample = Path.of("src/test/resources/fashion-mnist-sample");
        java.util.concurrent.atomic.AtomicBoolean there = new java.util.concurrent.atomic
                .AtomicBoolean();
        TrainCompareViewModel vm = new TrainCompareViewModel(engine,
                () -> Presets.get("resnet20"), () -> {
                    if (!there.get()) {
                        throw new DatasetNotFoundException("Fashion-MNIST was not found.");
                    }
                    return sample;
                }, () -> runs);
        assertTrue(fx(() -> vm.dataMissingProperty().get()), "the Download button shows");

        vm.setDownloader(p -> {
            throw new java.io.IOException("Cannot download Fashion-MNIST from"
                    + " http://fashion-mnist... (is this computer offline?): no route");
        });
        fx(() -> {
            vm.downloadData();
            return null;
        });
        waitFor(() -> !vm.downloadingProperty().get(), 30);
        assertTrue(fx(() -> vm.statusProperty().get()).startsWith(
                "Cannot download Fashion-MNIST"));
        assertTrue(fx(() -> vm.dataMissingProperty().get()));

        vm.setDownloader(p -> {
            p.accept(0.5);
            there.set(true);
            p.accept(1);
        });
        fx(() -> {
            vm.downloadData();
            return null;
        });
        waitFor(() -> !vm.downloadingProperty().get(), 30);
        assertEquals("Fashion-MNIST is ready: Train both.", fx(() -> vm.statusProperty().get()));
        assertFalse(fx(() -> vm.dataMissingProperty().get()), "the button goes away");
    }
}
