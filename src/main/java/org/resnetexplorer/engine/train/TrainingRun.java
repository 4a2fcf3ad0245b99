package org.resnetexplorer.engine.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.resnetexplorer.engine.BatchRunner;
import org.resnetexplorer.engine.Evaluation;
import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.engine.ModelFolder;
import org.resnetexplorer.engine.SpecNetwork;
import org.resnetexplorer.engine.data.ImageDataset;
import org.resnetexplorer.model.NetworkSpec;

/**
 * Trains one network on one data set with a {@link TrainingRecipe}, keeping its history, and
 * saves the model folder after every epoch so that a long run can be resumed where it stopped.
 */
public final class TrainingRun {

    /** Loss above this (ln 10 is 2.3 for ten classes) means the run has exploded. */
    private static final double EXPLODED = 1e3;

    private final NetworkSpec spec;
    private final ImageDataset train;
    private final ImageDataset test;
    private final TrainingRecipe recipe;
    private final Preprocessing norm;
    private final Engine engine;
    private final Device device;

    public TrainingRun(NetworkSpec spec, ImageDataset train, ImageDataset test,
            TrainingRecipe recipe, Preprocessing norm, Engine engine, Device device) {
        this.spec = spec;
        this.train = train.limit(recipe.limit());
        this.test = test;
        this.recipe = recipe;
        this.norm = norm;
        this.engine = engine;
        this.device = device;
    }

    /** What a finished (or cancelled) run reached. */
    public record Result(int epochsDone, double trainError, double testError,
            List<MetricsRow> history, boolean cancelled) {
    }

    /**
     * Runs the recipe, saving into {@code out} after each epoch when it is not null.
     *
     * @param resume a model folder of an earlier run of the same recipe to continue, or null
     */
    public Result run(TrainingListener listener, Path out, Path resume)
            throws IOException, ai.djl.MalformedModelException {
        engine.setRandomSeed((int) recipe.seed());
        SpecNetwork net = SpecNetwork.of(spec);
        int batch = recipe.batchSize();
        int perEpoch = train.size() / batch;
        if (perEpoch == 0) {
            throw new IllegalArgumentException("only " + train.size() + " training images for a"
                    + " batch of " + batch + ": use a smaller --batch or more images");
        }
        List<MetricsRow> history = new ArrayList<>();
        int startEpoch = 0;
        try (Model model = Model.newInstance(spec.name(), device, engine.getEngineName())) {
            model.setBlock(net);
            if (resume != null) {
                ModelFolder.Info info = ModelFolder.loadInto(model, net, resume);
                history.addAll(info.history());
                startEpoch = info.epochsDone();
            }
            int offset = startEpoch * perEpoch;
            Tracker lr = update -> recipe.learningRateAt((update + offset) / perEpoch);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(lr)
                            .optMomentum(recipe.momentum()).optWeightDecays(recipe.weightDecay())
                            .build())
                    .optInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                            XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT)
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(net.inputShape(batch));
                BatchRunner evaluator = new BatchRunner(net, trainer.getManager());
                return loop(trainer, net, evaluator, listener, out, history, startEpoch,
                        perEpoch);
            }
        }
    }

    private Result loop(Trainer trainer, SpecNetwork net, BatchRunner evaluator,
            TrainingListener listener, Path out, List<MetricsRow> history, int startEpoch,
            int perEpoch) throws IOException {
        int batch = recipe.batchSize();
        BatchMaker maker = new BatchMaker(train, norm, recipe.augment(), recipe.seed());
        // the shuffles of finished epochs are replayed so a resumed run sees the same data order
        for (int e = 0; e < startEpoch; e++) {
            maker.shuffled(train.size());
        }
        float[] x = new float[batch * train.imageSize()];
        float[] y = new float[batch];
        Shape xShape = net.inputShape(batch);
        int classes = spec.numClasses();
        int total = (recipe.epochs() - startEpoch) * perEpoch;
        int done = 0;
        double lossSum = 0;
        int wrong = 0;
        int seen = 0;
        double epochWrong = 0;
        double testError = Double.NaN;
        for (int epoch = startEpoch; epoch < recipe.epochs(); epoch++) {
            int[] order = maker.shuffled(train.size());
            epochWrong = 0;
            for (int it = 0; it < perEpoch; it++) {
                if (listener.isCancelled()) {
                    return new Result(epoch, errorOf(epochWrong, it * batch), testError, history,
                            true);
                }
                maker.fill(order, it * batch, batch, x, y);
                float loss;
                int batchWrong;
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    NDArray data = scope.create(FloatBuffer.wrap(x), xShape);
                    NDArray labels = scope.create(y);
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(data)).singletonOrThrow();
                        NDArray l = trainer.getLoss().evaluate(new NDList(labels),
                                new NDList(logits));
                        gc.backward(l);
                        loss = l.getFloat();
                        batchWrong = countWrong(logits.toFloatArray(), y, classes);
                    }
                    trainer.step();
                }
                if (Float.isNaN(loss) || loss > EXPLODED) {
                    throw new DivergedException("training diverged at iteration "
                            + (epoch * perEpoch + it + 1) + " (loss " + loss + "): lower the"
                            + " learning rate (now " + recipe.learningRateAt(epoch)
                            + "), e.g. --lr " + recipe.learningRateAt(epoch) / 10);
                }
                lossSum += loss;
                wrong += batchWrong;
                epochWrong += batchWrong;
                seen += batch;
                done++;
                listener.onIteration(done, total, loss);
                int iteration = epoch * perEpoch + it + 1;
                if (iteration % recipe.evalEvery() == 0) {
                    testError = 1 - evaluator.evaluate(test, norm, recipe.evalImages(), 256)
                            .accuracy();
                    MetricsRow row = new MetricsRow(iteration, iteration / (double) perEpoch,
                            lossSum / (seen / (double) batch), wrong / (double) seen, testError,
                            recipe.learningRateAt(epoch));
                    history.add(row);
                    listener.onMetrics(row);
                    lossSum = 0;
                    wrong = 0;
                    seen = 0;
                }
            }
            Evaluation full = evaluator.evaluate(test, norm, 0, 256);
            testError = 1 - full.accuracy();
            double trainError = epochWrong / (perEpoch * (double) batch);
            listener.onEpoch(epoch + 1, trainError, testError);
            if (out != null) {
                ModelFolder.save(trainer.getModel(), net, out, train.classes(),
                        new ModelFolder.Info(train.name().replaceFirst("-train$", ""), epoch + 1,
                                full.accuracy(), norm, recipe, history));
            }
        }
        return new Result(recipe.epochs(), errorOf(epochWrong, perEpoch * batch), testError,
                history, false);
    }

    private static double errorOf(double wrong, int seen) {
        return seen == 0 ? Double.NaN : wrong / seen;
    }

    private static int countWrong(float[] logits, float[] labels, int classes) {
        int wrong = 0;
        for (int b = 0; b < labels.length; b++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[b * classes + c] > logits[b * classes + best]) {
                    best = c;
                }
            }
            if (best != (int) labels[b]) {
                wrong++;
            }
        }
        return wrong;
    }
}
