package org.resnetexplorer.engine.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
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
import org.resnetexplorer.engine.ModelFolder;
import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.engine.SpecNetwork;
import org.resnetexplorer.engine.data.ImageDataset;
import org.resnetexplorer.engine.probe.GradientNorms;
import org.resnetexplorer.engine.probe.LayerValue;
import org.resnetexplorer.model.NetworkSpec;

/**
 * One network being trained, advanced one iteration at a time, so that a driver can run it to
 * the end (the {@code train} command), interleave it with its plain twin (Train & Compare), or
 * pause it. Keeps the history, evaluates on schedule, saves after every epoch when given a
 * folder, and can hand out the weight-gradient norms of the latest iteration.
 */
public final class TrainingSession implements AutoCloseable {

    /** Loss above this (ln 10 is 2.3 for ten classes) means the run has exploded. */
    private static final double EXPLODED = 1e3;

    private final NetworkSpec spec;
    private final ImageDataset train;
    private final ImageDataset test;
    private final TrainingRecipe recipe;
    private final Preprocessing preprocessing;
    private final Path out;
    private final Model model;
    private final SpecNetwork net;
    private final Trainer trainer;
    private final SgdStep update;
    private final BatchRunner evaluator;
    private final BatchMaker maker;
    private final List<MetricsRow> history = new ArrayList<>();
    private final float[] x;
    private final float[] y;
    private final Shape xShape;
    private final int perEpoch;
    private final int startIteration;
    private final int lastIteration;

    private int iteration;
    private int[] order;
    private double lossSum;
    private int wrong;
    private int seen;
    private int epochWrong;
    private double lastTestError = Double.NaN;
    private double lastTrainError = Double.NaN;
    private boolean gradientsWanted;
    private List<LayerValue> lastGradients = List.of();

    /**
     * @param out folder saved after every epoch (null: not saved)
     * @param resume a saved run of the same recipe to continue (null: start afresh)
     * @param maxIterations stop after this many iterations in all (0: the recipe's epochs)
     */
    public TrainingSession(NetworkSpec spec, ImageDataset train, ImageDataset test,
            TrainingRecipe recipe, Preprocessing preprocessing, Engine engine, Device device,
            Path out, Path resume, int maxIterations) throws IOException, MalformedModelException {
        this.spec = spec;
        this.train = train.limit(recipe.limit());
        this.test = test;
        this.recipe = recipe;
        this.preprocessing = preprocessing;
        this.out = out;
        int batch = recipe.batchSize();
        this.perEpoch = this.train.size() / batch;
        if (perEpoch == 0) {
            throw new IllegalArgumentException("only " + this.train.size() + " training images"
                    + " for a batch of " + batch + ": use a smaller batch or more images");
        }
        engine.setRandomSeed((int) recipe.seed());
        this.net = SpecNetwork.of(spec);
        this.model = Model.newInstance(spec.name(), device, engine.getEngineName());
        int startEpoch = 0;
        try {
            model.setBlock(net);
            if (resume != null) {
                ModelFolder.Info info = ModelFolder.loadInto(model, net, resume);
                history.addAll(info.history());
                startEpoch = info.epochsDone();
            }
            int offset = startEpoch * perEpoch;
            // DJL counts updates from 1: update n is iteration n - 1 of the run
            Tracker lr = update -> recipe.learningRateAt((update - 1 + offset) / perEpoch);
            this.trainer = model.newTrainer(config(lr, recipe.momentum(), recipe.weightDecay(),
                    device));
            this.update = SgdStep.of(trainer, lr, recipe.momentum(), recipe.weightDecay());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
        try {
            trainer.initialize(net.inputShape(batch));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.evaluator = new BatchRunner(net, trainer.getManager());
        this.maker = new BatchMaker(this.train, preprocessing, recipe.augment(), recipe.seed());
        // the shuffles of finished epochs are replayed so a resumed run sees the same data order
        for (int e = 0; e < startEpoch; e++) {
            maker.shuffled(this.train.size());
        }
        this.x = new float[batch * this.train.imageSize()];
        this.y = new float[batch];
        this.xShape = net.inputShape(batch);
        this.startIteration = startEpoch * perEpoch;
        this.iteration = startIteration;
        int end = recipe.epochs() * perEpoch;
        this.lastIteration = maxIterations > 0 ? Math.min(end, startIteration + maxIterations)
                : end;
    }

    /**
     * The training set-up every trainer here shares (also the benchmark's): softmax cross
     * entropy, SGD with momentum and weight decay, He initialisation of the weights.
     */
    public static DefaultTrainingConfig config(Tracker lr, float momentum, float weightDecay,
            Device device) {
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(lr).optMomentum(momentum)
                        .optWeightDecays(weightDecay).build())
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                        XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT)
                .optDevices(new Device[] {device});
    }

    public boolean hasNext() {
        return iteration < lastIteration;
    }

    /** Iterations this session will run, and has run. */
    public int total() {
        return lastIteration - startIteration;
    }

    public int done() {
        return iteration - startIteration;
    }

    /** Global iteration count, including epochs of a resumed run. */
    public int iteration() {
        return iteration;
    }

    public int iterationsPerEpoch() {
        return perEpoch;
    }

    /** Keep the weight-gradient norms of every iteration (costs one reduction per layer). */
    public void recordGradients(boolean value) {
        this.gradientsWanted = value;
    }

    /**
     * Runs one iteration, and the evaluations and save it is due for.
     *
     * @return the loss of this iteration
     * @throws DivergedException when the loss is NaN or exploded
     */
    public float step(TrainingListener listener) throws IOException {
        int batch = recipe.batchSize();
        int inEpoch = iteration % perEpoch;
        int epoch = iteration / perEpoch;
        if (inEpoch == 0 || order == null) {
            order = maker.shuffled(train.size());
            epochWrong = inEpoch == 0 ? 0 : epochWrong;
        }
        maker.fill(order, inEpoch * batch, batch, x, y);
        float loss;
        int batchWrong;
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray data = scope.create(FloatBuffer.wrap(x), xShape);
            NDArray labels = scope.create(y);
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(data)).singletonOrThrow();
                NDArray l = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                gc.backward(l);
                loss = l.getFloat();
                batchWrong = countWrong(logits.toFloatArray(), y, spec.numClasses());
            }
            if (gradientsWanted) {
                lastGradients = GradientNorms.of(net);
            }
            update.step();
        }
        if (Float.isNaN(loss) || loss > EXPLODED) {
            throw new DivergedException(spec.name() + " diverged at iteration " + (iteration + 1)
                    + " (loss " + loss + "): lower the learning rate (now "
                    + recipe.learningRateAt(epoch) + "), e.g. to "
                    + recipe.learningRateAt(epoch) / 10);
        }
        iteration++;
        lossSum += loss;
        wrong += batchWrong;
        epochWrong += batchWrong;
        seen += batch;
        listener.onIteration(done(), total(), loss);
        if (iteration % recipe.evalEvery() == 0) {
            lastTestError = 1 - evaluator.evaluate(test, preprocessing, recipe.evalImages(), 256)
                    .accuracy();
            MetricsRow row = new MetricsRow(iteration, iteration / (double) perEpoch,
                    lossSum / (seen / (double) batch), wrong / (double) seen, lastTestError,
                    recipe.learningRateAt(epoch));
            history.add(row);
            listener.onMetrics(row);
            lossSum = 0;
            wrong = 0;
            seen = 0;
        }
        if (iteration % perEpoch == 0) {
            Evaluation full = evaluator.evaluate(test, preprocessing, 0, 256);
            lastTestError = 1 - full.accuracy();
            lastTrainError = epochWrong / (perEpoch * (double) batch);
            listener.onEpoch(iteration / perEpoch, lastTrainError, lastTestError);
            save(full.accuracy());
        }
        return loss;
    }

    /** Saves now (e.g. when a short comparison ends mid-epoch), evaluating on the test set. */
    public void saveNow() throws IOException {
        if (out != null) {
            save(evaluator.evaluate(test, preprocessing, 0, 256).accuracy());
        }
    }

    private void save(double accuracy) throws IOException {
        if (out != null) {
            ModelFolder.save(model, net, out, train.classes(),
                    new ModelFolder.Info(train.name().replaceFirst("-train$", ""),
                            iteration / perEpoch, accuracy, preprocessing, recipe, history));
        }
    }

    public List<LayerValue> lastGradients() {
        return lastGradients;
    }

    public List<MetricsRow> history() {
        return List.copyOf(history);
    }

    public double lastTestError() {
        return lastTestError;
    }

    public double lastTrainError() {
        return lastTrainError;
    }

    public SpecNetwork network() {
        return net;
    }

    public Model model() {
        return model;
    }

    @Override
    public void close() {
        try {
            update.close();
            trainer.close();
        } finally {
            model.close();
        }
    }

    private static int countWrong(float[] logits, float[] labels, int classes) {
        int count = 0;
        for (int b = 0; b < labels.length; b++) {
            if (BatchRunner.argmax(logits, b * classes, classes) != (int) labels[b]) {
                count++;
            }
        }
        return count;
    }
}
