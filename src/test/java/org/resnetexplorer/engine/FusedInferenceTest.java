package org.resnetexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetexplorer.engine.probe.ModelPair;
import org.resnetexplorer.model.InputShape;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;

/** The fused MXNet graph computes the logits the imperative network computes. */
class FusedInferenceTest {

    /**
     * Relative to the largest logit: float sums in another order (oneDNN folds each batch norm
     * into its convolution) differ in the last digits, and untrained networks reach logits in
     * the thousands. A wrong layer changes logits by far more.
     */
    private static final double TOLERANCE = 1e-4;

    @Test
    void shippedResNet20GivesTheSameLogits() throws Exception {
        try (ModelFolder.Loaded m = ModelFolder.load(ShippedModels.find("resnet20-fashion")
                .orElseThrow(), Engines.get(null), Device.cpu())) {
            assertSameLogits(m.net(), m.model().getNDManager(), 4);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet56", "plain-resnet56", "preact-resnet20", "resnet50",
        "resnet18", "preact-resnet18"})
    void untrainedNetworksGiveTheSameLogits(String name) {
        NetworkSpec spec = Presets.get(name);
        if (spec.input().height() > 64) {
            spec = spec.withInput(new InputShape(3, 96, 96));
        }
        ModelPair.Side side = ModelPair.untrained(spec, Engines.get(null), Device.cpu());
        try {
            assertSameLogits(side.net(), side.model().getNDManager(), 2);
        } finally {
            side.model().close();
        }
    }

    @Test
    void theGraphReadsEveryWeightOfTheNetwork() {
        for (String name : List.of("resnet50", "resnet20", "plain-resnet20", "preact-resnet56")) {
            SpecNetwork net = SpecNetwork.of(Presets.get(name));
            assertEquals(net.getParameters().size(), SymbolGraph.of(net.analysis()).parameters()
                    .size(), name);
        }
    }

    @Test
    void switchedOffTheImperativeNetworkRuns() {
        System.setProperty(FusedInference.SWITCH, "false");
        try (NDManager m = Engines.get(null).newBaseManager()) {
            assertFalse(FusedInference.available(m));
            assertTrue(FusedInference.of(SpecNetwork.of(Presets.get("resnet20")), m).isEmpty());
        } finally {
            System.clearProperty(FusedInference.SWITCH);
        }
    }

    private static void assertSameLogits(SpecNetwork net, ai.djl.ndarray.NDManager manager,
            int batch) {
        float[] x = new float[(int) net.inputShape(batch).size()];
        Random random = new Random(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        assertTrue(FusedInference.available(manager), "the default engine runs the graph");
        float[] imperative = new BatchRunner(net, manager).logits(x, batch);
        BatchRunner fused = BatchRunner.fused(net, manager);
        for (int run = 0; run < 2; run++) {
            assertClose(imperative, fused.logits(x, batch), net.spec().name());
        }
        // a batch of another size re-plans the graph and still agrees
        assertClose(new BatchRunner(net, manager).logits(x, 1), fused.logits(x, 1),
                net.spec().name() + ", batch 1");
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double largest = 1;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= TOLERANCE * largest, what + ": logits differ by up to " + worst
                + " (largest " + largest + ")");
    }
}
