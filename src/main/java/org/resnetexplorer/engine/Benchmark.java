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
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.resnetexplorer.model.NetworkSpec;

/**
 * Times a network built by the engine: inference (forward only, as a classification does it:
 * Java floats in, logits out) or one training step (forward, backward, SGD update). Reports the
 * median of the timed runs after warm-up, since the machine is noisy.
 */
public final class Benchmark {

    /** Timings of one benchmark, in milliseconds per batch. */
    public record Result(NetworkSpec spec, int batch, String engine, Device device,
            boolean train, double[] millis) {

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

    public static Result run(NetworkSpec spec, Engine engine, Device device, int batch,
            boolean train, int warmup, int runs) {
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
        try (Model model = Model.newInstance(spec.name(), device, engine.getEngineName())) {
            model.setBlock(net);
            if (train) {
                DefaultTrainingConfig config = new DefaultTrainingConfig(
                        Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f))
                                .optMomentum(0.9f).optWeightDecays(1e-4f).build())
                        .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                        .optDevices(new Device[] {device});
                try (Trainer trainer = model.newTrainer(config)) {
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
                            trainer.step();
                        }
                        record(times, i, warmup, t0);
                    }
                }
            } else {
                NDManager manager = model.getNDManager();
                net.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
                net.initialize(manager, DataType.FLOAT32, shape);
                ParameterStore store = new ParameterStore(manager, false);
                for (int i = 0; i < warmup + runs; i++) {
                    long t0 = System.nanoTime();
                    try (NDManager scope = manager.newSubManager()) {
                        NDArray data = scope.create(FloatBuffer.wrap(x), shape);
                        net.forward(store, new NDList(data), false).singletonOrThrow()
                                .toFloatArray();
                    }
                    record(times, i, warmup, t0);
                }
            }
        }
        return new Result(spec, batch, engine.getEngineName(), device, train,
                times.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void record(List<Double> times, int i, int warmup, long t0) {
        if (i >= warmup) {
            times.add((System.nanoTime() - t0) / 1e6);
        }
    }
}
