package org.resnetexplorer.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.tracker.Tracker;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.resnetexplorer.engine.train.SgdStep;
import org.resnetexplorer.model.NetworkSpec;

/**
 * Times a network built by the engine: inference (forward only, as a classification does it:
 * Java floats in, logits out) or one training step (forward, backward, SGD update). Reports the
 * median of the timed runs after warm-up, since the machine is noisy.
 */
public final class Benchmark {

    /**
     * Timings of one benchmark, in milliseconds per batch.
     *
     * @param fused true when inference ran the fused graph rather than the imperative network
     */
    public record Result(NetworkSpec spec, int batch, String engine, Device device,
            boolean train, boolean fused, double[] millis) {

        public double medianMillis() {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        public double imagesPerSecond() {
            return batch * 1000.0 / medianMillis();
        }
    }

    private Benchmark() {
    }

    /**
     * Inference runs the fused graph ({@link FusedInference}) as classification does, unless
     * {@code imperative} asks for the block-by-block network that probes use.
     */
    public static Result run(NetworkSpec spec, Engine engine, Device device, int batch,
            boolean train, boolean imperative, int warmup, int runs) {
        SpecNetwork net = SpecNetwork.of(spec);
        Shape shape = net.inputShape(batch);
        float[] x = new float[(int) shape.size()];
        Random random = new Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] y = new float[batch];
        for (int i = 0; i < batch; i++) {
            y[i] = i % spec.numClasses();
        }
        List<Double> times = new ArrayList<>();
        boolean fused = false;
        try (Model model = Model.newInstance(spec.name(), device, engine.getEngineName())) {
            model.setBlock(net);
            if (train) {
                Tracker lr = Tracker.fixed(0.01f);
                DefaultTrainingConfig config = org.resnetexplorer.engine.train.TrainingSession
                        .config(lr, 0.9f, 1e-4f, device);
                try (Trainer trainer = model.newTrainer(config);
                        SgdStep update = SgdStep.of(trainer, lr, 0.9f, 1e-4f)) {
                    trainer.initialize(shape);
                    for (int i = 0; i < warmup + runs; i++) {
                        long t0 = System.nanoTime();
                        try (NDManager scope = trainer.getManager().newSubManager()) {
                            NDArray data = scope.create(FloatBuffer.wrap(x), shape);
                            NDArray labels = scope.create(y);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(data))
                                        .singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(labels),
                                        new NDList(logits));
                                gc.backward(loss);
                                loss.getFloat();
                            }
                            update.step();
                        }
                        record(times, i, warmup, t0);
                    }
                }
            } else {
                NDManager manager = model.getNDManager();
                net.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
                net.initialize(manager, DataType.FLOAT32, shape);
                fused = !imperative && FusedInference.available(manager);
                BatchRunner runner = fused ? BatchRunner.fused(net, manager)
                        : new BatchRunner(net, manager);
                for (int i = 0; i < warmup + runs; i++) {
                    long t0 = System.nanoTime();
                    runner.logits(x, batch);
                    record(times, i, warmup, t0);
                }
            }
        }
        return new Result(spec, batch, engine.getEngineName(), device, train, fused,
                times.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Times the probe a view runs: forward (all layers) and forward+backward (gradients) of a
     * network and its plain twin, on a batch.
     */
    public static Result probe(NetworkSpec spec, Engine engine, Device device, int batch,
            int warmup, int runs) {
        org.resnetexplorer.engine.probe.ModelPair.Side resnet =
                org.resnetexplorer.engine.probe.ModelPair.untrained(spec, engine, device);
        org.resnetexplorer.engine.probe.ModelPair.Side plain;
        try {
            plain = org.resnetexplorer.engine.probe.ModelPair.untrained(spec.plainTwin(), engine,
                    device);
        } catch (RuntimeException e) {
            resnet.model().close();
            throw e;
        }
        try {
            float[] x = randomInput(spec, batch);
            float[] y = new float[batch];
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < warmup + runs; i++) {
                long t0 = System.nanoTime();
                for (var side : List.of(resnet, plain)) {
                    var probe = side.probe();
                    probe.forward(x, batch);
                    probe.gradients(x, y, batch);
                }
                record(times, i, warmup, t0);
            }
            return new Result(spec, batch, engine.getEngineName(), device, true, false,
                    times.stream().mapToDouble(Double::doubleValue).toArray());
        } finally {
            resnet.model().close();
            plain.model().close();
        }
    }

    /**
     * Resident memory growth while classifying and probing over and over, less the growth of
     * the Java heap the JVM committed meanwhile (which a larger -Xmx lets grow lazily, and which
     * is not the native leak this looks for). Committed heap pages become resident only when
     * first used, so the figure also counts heap the JVM had committed but not yet touched
     * (measured: up to +200 MB over 20 probes) unless the heap is fixed and pre-touched
     * ({@code -Xms1g -Xmx1g -XX:+AlwaysPreTouch}); {@code heapPreTouched} says which.
     */
    public record MemoryResult(double rssAfterWarmupMb, double classifyGrowthMb,
            double probeGrowthMb, int classifications, int probes, boolean heapPreTouched) {
    }

    private static boolean heapPreTouched() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:+AlwaysPreTouch");
    }

    /** Resident memory not counting the committed Java heap. */
    private static double nativeMb() {
        System.gc();
        return residentMb() - Runtime.getRuntime().totalMemory() / 1048576.0;
    }

    /**
     * Classifies one image {@code classifications} times and then probes {@code probes} times,
     * reporting how much the process's resident memory grew after the first 100
     * classifications (the warm-up, in which caches fill).
     */
    public static MemoryResult memory(NetworkSpec spec, Engine engine, Device device,
            int classifications, int probes) {
        var side = org.resnetexplorer.engine.probe.ModelPair.untrained(spec, engine, device);
        try {
            BatchRunner runner = BatchRunner.fused(side.net(), side.model().getNDManager());
            float[] x = randomInput(spec, 1);
            for (int i = 0; i < 100; i++) {
                runner.logits(x, 1);
            }
            double start = nativeMb();
            double rss = residentMb();
            for (int i = 100; i < classifications; i++) {
                runner.logits(x, 1);
            }
            double afterClassify = nativeMb();
            double classifyGrowth = afterClassify - start;
            var probe = side.probe();
            float[] batch = randomInput(spec, 32);
            // the first probes fill the engine's memory pool for batch-32 training-mode passes
            for (int i = 0; i < 3; i++) {
                probe.forward(batch, 32);
                probe.gradients(batch, new float[32], 32);
            }
            afterClassify = nativeMb();
            for (int i = 0; i < probes; i++) {
                probe.forward(batch, 32);
                probe.gradients(batch, new float[32], 32);
            }
            double afterProbe = nativeMb();
            return new MemoryResult(rss, classifyGrowth, afterProbe - afterClassify,
                    classifications, probes, heapPreTouched());
        } finally {
            side.model().close();
        }
    }

    /** VmRSS from /proc (Linux); NaN elsewhere. */
    public static double residentMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(
                    java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private static float[] randomInput(NetworkSpec spec, int batch) {
        var in = spec.input();
        float[] x = new float[batch * in.channels() * in.height() * in.width()];
        Random random = new Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    private static void record(List<Double> times, int i, int warmup, long t0) {
        if (i >= warmup) {
            times.add((System.nanoTime() - t0) / 1e6);
        }
    }
}
