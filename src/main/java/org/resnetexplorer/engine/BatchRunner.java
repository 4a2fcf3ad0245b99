package org.resnetexplorer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import org.resnetexplorer.engine.data.ImageDataset;
import org.resnetexplorer.engine.train.BatchMaker;

/**
 * Inference over many images in batches, each batch in its own closed NDManager scope so that
 * native memory does not grow with the number of images.
 */
public final class BatchRunner {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(
            BatchRunner.class);

    private final SpecNetwork net;
    private Block block;
    private final NDManager manager;
    private final ParameterStore store;

    /**
     * Runs the imperative network, which sees weight changes at once (e.g. during training).
     *
     * @param manager a manager on the device the network's parameters live on
     */
    public BatchRunner(SpecNetwork net, NDManager manager) {
        this(net, net, manager);
    }

    private BatchRunner(SpecNetwork net, Block block, NDManager manager) {
        this.net = net;
        this.block = block;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
    }

    /**
     * Runs the network's fused graph ({@link FusedInference}) where the engine has one, else the
     * imperative network: only for weights that no longer change (a loaded model), since the
     * graph folds the batch norms into the convolutions once. If the graph cannot be built, or
     * fails on its first run, the imperative network takes over: slower, never broken.
     */
    public static BatchRunner fused(SpecNetwork net, NDManager manager) {
        Block graph;
        try {
            graph = FusedInference.of(net, manager).orElse(net);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("fused graph of {} not built ({}); using the imperative network",
                    net.spec().name(), e.toString());
            graph = net;
        }
        return new BatchRunner(net, graph, manager);
    }

    /** A runner on {@code graph} that falls back to {@code net} when it fails (for tests). */
    static BatchRunner withFallback(SpecNetwork net, Block graph, NDManager manager) {
        return new BatchRunner(net, graph, manager);
    }

    /** True while the fused graph (not the imperative network) runs the images. */
    public boolean isFused() {
        return block != net;
    }

    /**
     * Logits for {@code count} prepared images in {@code x} (count x C x H x W floats). One
     * thread at a time: MXNet's graphs are not for concurrent use.
     */
    public float[] logits(float[] x, int count) {
        try {
            return run(block, x, count);
        } catch (RuntimeException e) {
            if (block == net) {
                throw e;
            }
            LOG.warn("fused graph of {} failed ({}); using the imperative network from now on",
                    net.spec().name(), e.toString());
            block = net;
            return run(net, x, count);
        }
    }

    private float[] run(Block b, float[] x, int count) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray in = scope.create(FloatBuffer.wrap(x, 0, count * imageSize()),
                    net.inputShape(count));
            NDList out = b.forward(store, new NDList(in), false);
            return out.singletonOrThrow().toFloatArray();
        }
    }

    /** Predicted class of every image (the first {@code limit}, 0 for all) of a dataset. */
    public Evaluation evaluate(ImageDataset data, Preprocessing norm, int limit,
            int batchSize) {
        int n = limit > 0 ? Math.min(limit, data.size()) : data.size();
        int classes = net.spec().numClasses();
        int[][] confusion = new int[classes][classes];
        BatchMaker maker = new BatchMaker(data, norm, false, 0);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        float[] x = new float[batchSize * data.imageSize()];
        float[] y = new float[batchSize];
        for (int from = 0; from < n; from += batchSize) {
            int count = Math.min(batchSize, n - from);
            maker.fill(order, from, count, x, y);
            float[] logits = logits(x, count);
            for (int b = 0; b < count; b++) {
                int predicted = argmax(logits, b * classes, classes);
                int actual = (int) y[b];
                if (actual < classes) {
                    confusion[actual][predicted]++;
                }
            }
        }
        return new Evaluation(data.classes().size() == classes ? data.classes()
                : java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString)
                        .toList(), confusion);
    }

    private int imageSize() {
        var in = net.spec().input();
        return in.channels() * in.height() * in.width();
    }

    /** Index (from offset) of the largest of {@code length} values: the predicted class. */
    public static int argmax(float[] values, int offset, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (values[offset + i] > values[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
