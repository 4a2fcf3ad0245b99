package org.resnetexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.data.FashionMnist;
import org.resnetexplorer.engine.data.ImageDataset;
import org.resnetexplorer.engine.train.MetricsRow;
import org.resnetexplorer.engine.train.TrainingListener;
import org.resnetexplorer.engine.train.TrainingRecipe;
import org.resnetexplorer.engine.train.TrainingRun;
import org.resnetexplorer.model.InputShape;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;
import org.resnetexplorer.model.SpecJson;

class TrainingAndModelFolderTest {

    static final Path SAMPLE = Path.of("src/test/resources/fashion-mnist-sample");
    static ImageDataset train;
    static ImageDataset test;

    @BeforeAll
    static void readSample() throws Exception {
        train = FashionMnist.train(SAMPLE);
        test = FashionMnist.test(SAMPLE);
    }

    static NetworkSpec fashion(String preset) {
        return Presets.get(preset).withInput(new InputShape(1, 28, 28));
    }

    static TrainingRecipe shortRecipe(int epochs) {
        return TrainingRecipe.defaults(epochs).withBatchSize(50).withEvalEvery(2)
                .withLrDropEpochs().withAugment(false).withLearningRate(0.05f);
    }

    @Test
    void sampleIsRealFashionMnist() {
        assertEquals(1000, train.size());
        assertEquals(500, test.size());
        assertEquals(28, train.height());
        assertEquals(9, train.labels()[0]); // the first training image is an ankle boot
    }

    @Test
    void aFewStepsLowerTheLossForResNetAndPlainTwin(@TempDir Path dir) throws Exception {
        Engine engine = Engines.get(null);
        for (NetworkSpec spec : List.of(fashion("resnet20"), fashion("resnet20").plainTwin())) {
            TrainingRecipe recipe = shortRecipe(1).withLimit(600);
            List<Double> losses = new java.util.ArrayList<>();
            TrainingRun.Result r = new TrainingRun(spec, train, test, recipe,
                    FashionMnist.PREPROCESSING, engine,
                    Device.cpu()).run(new TrainingListener() {
                        @Override
                        public void onMetrics(MetricsRow row) {
                            losses.add(row.trainLoss());
                        }
                    }, dir.resolve(spec.name()), null);
            assertEquals(6, losses.size(), spec.name());
            assertTrue(losses.get(losses.size() - 1) < losses.get(0) * 0.9,
                    spec.name() + " losses " + losses);
            assertTrue(r.testError() < 0.9, spec.name() + " test error " + r.testError());
        }
    }

    @Test
    void savedModelLoadsWithSameOutputsAndWrongWeightsAreRefused(@TempDir Path dir)
            throws Exception {
        Engine engine = Engines.get(null);
        NetworkSpec spec = fashion("resnet20");
        Path out = dir.resolve("model");
        new TrainingRun(spec, train, test, shortRecipe(1).withLimit(100), FashionMnist.PREPROCESSING,
                engine, Device.cpu())
                .run(new TrainingListener() { }, out, null);
        for (String f : List.of(ModelFolder.SPEC, ModelFolder.PARAMS, "labels.txt",
                "metrics.csv", "model.properties")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        float[] x = new float[2 * 28 * 28];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 29) / 29f;
        }
        float[] first;
        try (ModelFolder.Loaded m = ModelFolder.load(out, engine, Device.cpu())) {
            assertEquals(FashionMnist.CLASSES, m.labels());
            assertEquals(1, m.info().epochsDone());
            first = new BatchRunner(m.net(), m.model().getNDManager()).logits(x, 2);
        }
        try (ModelFolder.Loaded m = ModelFolder.load(out, engine, Device.cpu())) {
            assertArrayEquals(first, new BatchRunner(m.net(), m.model().getNDManager())
                    .logits(x, 2), 1e-5f);
        }
        // the same weights under a spec whose second stage is wider must be refused by name
        NetworkSpec wider = spec.mapBlocks(b -> b.outChannels() == 32
                ? new org.resnetexplorer.model.BlockSpec(b.kind(), 48, b.stride(), b.shortcut(),
                        b.preActivation(), b.bottleneckWidth(), b.strideIn3x3()) : b);
        SpecJson.write(wider, out.resolve(ModelFolder.SPEC));
        ParameterMismatchException e = assertThrows(ParameterMismatchException.class,
                () -> ModelFolder.load(out, engine, Device.cpu()));
        assertEquals("stage2.block1.conv1", e.layer(), e.getMessage());
        assertTrue(e.getMessage().contains("32, 16, 3, 3"), e.getMessage());
    }
}
