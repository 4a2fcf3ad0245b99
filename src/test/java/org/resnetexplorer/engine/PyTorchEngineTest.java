package org.resnetexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.data.FashionMnist;
import org.resnetexplorer.engine.data.ImageDataset;
import org.resnetexplorer.engine.train.MetricsRow;
import org.resnetexplorer.engine.train.TrainingListener;
import org.resnetexplorer.engine.train.TrainingRun;
import org.resnetexplorer.model.NetworkSpec;

/**
 * DJL's PyTorch engine, in builds with the {@code pytorch} profile ({@code mvn -Dpytorch});
 * skipped in the default, MXNet-only build. Training on PyTorch must learn, and the model folder
 * it writes must load in MXNet with the same outputs (DJL's parameter files are engine-neutral).
 */
class PyTorchEngineTest {

    @Test
    void pyTorchTrainingLowersTheLossAndItsModelLoadsInMxnet(@TempDir Path dir)
            throws Exception {
        Engines.keepOfflineUnlessAsked();
        Assumptions.assumeTrue(Engines.available().contains("PyTorch"),
                "PyTorch engine not on the class path (build with -Dpytorch)");
        ImageDataset train = FashionMnist.train(TrainingAndModelFolderTest.SAMPLE);
        ImageDataset test = FashionMnist.test(TrainingAndModelFolderTest.SAMPLE);
        Engine pytorch = Engines.get("PyTorch");
        assertEquals("PyTorch", pytorch.getEngineName());
        NetworkSpec spec = TrainingAndModelFolderTest.fashion("resnet20");
        Path out = dir.resolve("model");
        List<Double> losses = new ArrayList<>();
        new TrainingRun(spec, train, test, TrainingAndModelFolderTest.shortRecipe(1).withLimit(600),
                FashionMnist.PREPROCESSING, pytorch, Device.cpu()).run(new TrainingListener() {
                    @Override
                    public void onMetrics(MetricsRow row) {
                        losses.add(row.trainLoss());
                    }
                }, out, null);
        assertEquals(6, losses.size());
        assertTrue(losses.get(losses.size() - 1) < losses.get(0) * 0.9, "losses " + losses);
        assertTrue(Files.isRegularFile(out.resolve(ModelFolder.PARAMS)));

        float[] x = new float[2 * 28 * 28];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 29) / 29f;
        }
        float[] onPyTorch;
        try (ModelFolder.Loaded m = ModelFolder.load(out, pytorch, Device.cpu())) {
            onPyTorch = new BatchRunner(m.net(), m.model().getNDManager()).logits(x, 2);
        }
        try (ModelFolder.Loaded m = ModelFolder.load(out, Engines.get("MXNet"), Device.cpu())) {
            assertEquals("MXNet", m.model().getNDManager().getEngine().getEngineName());
            assertEquals(1, m.info().epochsDone());
            float[] onMxnet = new BatchRunner(m.net(), m.model().getNDManager()).logits(x, 2);
            float scale = 0;
            for (float v : onPyTorch) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertArrayEquals(onPyTorch, onMxnet, 1e-4f * Math.max(1, scale));
        }
    }
}
