package org.resnetexplorer.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.resnetexplorer.engine.image.DecodedImage;
import org.resnetexplorer.engine.image.ImageLoader;
import org.resnetexplorer.engine.image.ImagePreprocessor;
import org.resnetexplorer.engine.image.ImageReadException;
import org.resnetexplorer.engine.image.PreparedImage;
import org.resnetexplorer.model.SpecFormatException;

/**
 * Classifies image files with a loaded model: decode, prepare as the model was trained, run,
 * softmax. A file that cannot be read gives its own result with the reason; the others are
 * unaffected.
 */
public final class Classifier implements AutoCloseable {

    /** Longest side of the thumbnail kept with each result for display. */
    public static final int THUMBNAIL = 160;

    private final SpecNetwork net;
    private final AutoCloseable owner;
    private final List<String> labels;
    private final Preprocessing preprocessing;
    private final BatchRunner runner;
    private boolean closed;

    /**
     * @param manager a manager on the device of the network's parameters
     * @param owner closed with this classifier (the model), or null
     */
    public Classifier(SpecNetwork net, ai.djl.ndarray.NDManager manager, List<String> labels,
            Preprocessing preprocessing, AutoCloseable owner) {
        this.net = net;
        this.owner = owner;
        this.labels = List.copyOf(labels);
        this.preprocessing = preprocessing;
        // a classifier's weights are fixed: the fused graph is about twice as fast (PERFORMANCE.md)
        this.runner = BatchRunner.fused(net, manager);
    }

    public Classifier(ModelFolder.Loaded model) {
        this(model.net(), model.model().getNDManager(), model.labels(),
                model.info().preprocessing(), model);
    }

    public static Classifier open(Path dir, Engine engine, Device device)
            throws IOException, MalformedModelException, SpecFormatException {
        return new Classifier(ModelFolder.load(dir, engine, device));
    }

    public SpecNetwork network() {
        return net;
    }

    public List<String> labels() {
        return labels;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** One class and its probability. */
    public record Prediction(String label, int index, double probability) {
    }

    /**
     * The outcome for one file: either {@code top} (best first) or an {@code error}.
     *
     * @param input what the network saw (null when the file could not be read)
     * @param millis time the network took, without decoding
     */
    public record Result(Path file, List<Prediction> top, PreparedImage input, double millis,
            String error, DecodedImage thumbnail) {
        public boolean ok() {
            return error == null;
        }
    }

    public Result classify(Path file, int topK) {
        DecodedImage decoded;
        try {
            decoded = ImageLoader.read(file);
        } catch (ImageReadException e) {
            return new Result(file, List.of(), null, 0, e.getMessage(), null);
        }
        return classify(file, decoded, topK);
    }

    /** Classifies an image already decoded (e.g. shared by a ResNet and its plain twin). */
    public Result classify(Path file, DecodedImage decoded, int topK) {
        PreparedImage input = ImagePreprocessor.prepare(decoded, net.spec().input(),
                preprocessing);
        long t0 = System.nanoTime();
        float[] logits = runner.logits(ImagePreprocessor.normalised(input, preprocessing), 1);
        double millis = (System.nanoTime() - t0) / 1e6;
        return new Result(file, top(softmax(logits), topK), input, millis, null,
                ImagePreprocessor.thumbnail(decoded, THUMBNAIL));
    }

    /**
     * Runs a blank image through the network twice: the engine prepares its kernels on the first
     * pass and the fused graph finishes its one-time set-up on the second (measured: the first
     * real image took ~60 ms for ResNet-20 after one warm-up pass, ~2 ms after two), which would
     * otherwise show as a slow first card.
     */
    public void warmUp() {
        var in = net.spec().input();
        float[] blank = new float[in.channels() * in.height() * in.width()];
        runner.logits(blank, 1);
        runner.logits(blank, 1);
    }

    public List<Result> classifyAll(List<Path> files, int topK) {
        List<Result> results = new ArrayList<>();
        for (Path f : files) {
            results.add(classify(f, topK));
        }
        return results;
    }

    /** Probabilities of a prepared (unnormalised) input, e.g. an image from the data set. */
    public double[] probabilities(PreparedImage input) {
        return softmax(runner.logits(ImagePreprocessor.normalised(input, preprocessing), 1));
    }

    private List<Prediction> top(double[] p, int k) {
        return IntStream.range(0, p.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -p[i]))
                .limit(Math.max(1, k))
                .map(i -> new Prediction(labels.get(i), i, p[i])).toList();
    }

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + net.spec().name(), e);
            }
        }
    }
}
