package org.resnetexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetexplorer.engine.probe.ModelPair;
import org.resnetexplorer.model.BlockKind;
import org.resnetexplorer.model.BlockSpec;
import org.resnetexplorer.model.HeadSpec;
import org.resnetexplorer.model.InputShape;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;
import org.resnetexplorer.model.ShortcutKind;
import org.resnetexplorer.model.StageSpec;
import org.resnetexplorer.model.StemSpec;

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
    void presetsWithRealBatchNormStatisticsGiveTheSameLogits(String name) {
        NetworkSpec spec = Presets.get(name);
        if (spec.input().height() > 64) {
            spec = spec.withInput(new InputShape(3, 67, 67)).mapBlocks(
                    b -> b.withStrideIn3x3(!name.equals("resnet50")));
        }
        assertSameLogitsWithRandomStatistics(spec);
    }

    /**
     * What the editor can make beyond the presets: odd sizes, unusual stems, option A growing
     * channels by more than 2x at stride 3, stride 4, pre-activation bottlenecks, plain blocks
     * beside residual ones.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void editorMadeNetworksGiveTheSameLogits(int which) {
        BlockKind basic = BlockKind.BASIC;
        BlockKind bottleneck = BlockKind.BOTTLENECK;
        ShortcutKind a = ShortcutKind.ZERO_PAD;
        ShortcutKind b = ShortcutKind.PROJECTION;
        ShortcutKind id = ShortcutKind.IDENTITY;
        ShortcutKind none = ShortcutKind.NONE;
        NetworkSpec spec = switch (which) {
            case 0 -> new NetworkSpec("v1-odd", new InputShape(3, 37, 45),
                    new StemSpec(8, 5, 3, false), List.of(
                    new StageSpec(List.of(block(bottleneck, 16, 1, b, false, 4, false),
                            block(bottleneck, 16, 1, id, false, 4, false))),
                    new StageSpec(List.of(block(bottleneck, 32, 2, b, false, 8, false)))),
                    new HeadSpec(false), 7);
            case 1 -> new NetworkSpec("a-growth", new InputShape(1, 15, 17),
                    new StemSpec(16, 3, 1, false), List.of(
                    new StageSpec(List.of(block(basic, 64, 2, a, false, 0, false))),
                    new StageSpec(List.of(block(basic, 104, 3, a, false, 0, false)))),
                    new HeadSpec(false), 5);
            case 2 -> new NetworkSpec("preact-mix", new InputShape(3, 21, 19),
                    new StemSpec(12, 7, 2, true), List.of(
                    new StageSpec(List.of(block(bottleneck, 24, 1, a, true, 6, true),
                            block(bottleneck, 24, 2, b, true, 6, false))),
                    new StageSpec(List.of(block(basic, 40, 2, a, true, 0, false)))),
                    new HeadSpec(true), 3);
            default -> new NetworkSpec("mixed", new InputShape(2, 16, 13),
                    new StemSpec(6, 1, 2, true), List.of(new StageSpec(List.of(
                    block(basic, 6, 1, none, false, 0, false), block(basic, 10, 4, b, false, 0,
                            false), block(basic, 10, 1, none, true, 0, false),
                    block(basic, 10, 1, a, false, 0, false)))), new HeadSpec(true), 4);
        };
        assertSameLogitsWithRandomStatistics(spec);
    }

    private static BlockSpec block(BlockKind kind, int out, int stride, ShortcutKind shortcut,
            boolean pre, int width, boolean strideIn3x3) {
        return new BlockSpec(kind, out, stride, shortcut, pre, width, strideIn3x3);
    }

    /**
     * Untrained batch norms are the identity, which folding into a convolution cannot get
     * wrong: give every one random statistics and scales first.
     */
    private static void assertSameLogitsWithRandomStatistics(NetworkSpec spec) {
        ModelPair.Side side = ModelPair.untrained(spec, Engines.get(null), Device.cpu());
        try {
            for (Pair<String, Parameter> p : side.net().getParameters()) {
                NDArray a = p.getValue().getArray();
                NDManager m = a.getManager();
                String n = p.getKey();
                NDArray v = n.endsWith("runningVar") ? m.randomUniform(0.5f, 3f, a.getShape())
                        : n.endsWith("gamma") ? m.randomUniform(0.5f, 1.5f, a.getShape())
                        : n.endsWith("weight") ? null
                        : m.randomNormal(0, 0.5f, a.getShape(), a.getDataType());
                if (v != null) {
                    v.copyTo(a);
                    v.close();
                }
            }
            assertSameLogits(side.net(), side.model().getNDManager(), 3);
        } finally {
            side.model().close();
        }
    }

    @Test
    void aGraphThatCannotBeBuiltFallsBackToTheImperativeNetwork() {
        ModelPair.Side side = ModelPair.untrained(Presets.get("resnet20"), Engines.get(null),
                Device.cpu());
        try {
            SpecNetwork net = side.net();
            NDManager manager = side.model().getNDManager();
            float[] x = new float[(int) net.inputShape(1).size()];
            BatchRunner broken = BatchRunner.withFallback(net, new ai.djl.nn.LambdaBlock(
                    list -> {
                        throw new IllegalStateException("oneDNN refused the graph");
                    }), manager);
            assertArrayEquals(new BatchRunner(net, manager).logits(x, 1), broken.logits(x, 1));
            assertFalse(broken.isFused(), "it stays on the imperative network");
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
