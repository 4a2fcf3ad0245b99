package org.resnetexplorer.cli;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.resnetexplorer.engine.Devices;
import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.engine.ModelFolder;
import org.resnetexplorer.engine.data.ImageDataset;
import org.resnetexplorer.engine.train.DivergedException;
import org.resnetexplorer.engine.train.MetricsRow;
import org.resnetexplorer.engine.train.TrainingListener;
import org.resnetexplorer.engine.train.TrainingRecipe;
import org.resnetexplorer.engine.train.TrainingRun;
import org.resnetexplorer.model.NetworkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", description = "Train a network on Fashion-MNIST or on your own images"
        + " and write a model folder (weights, spec, labels, history), saved after every epoch.")
class TrainCommand extends BaseCommand {

    @Option(names = "--arch", required = true, paramLabel = "NAME|FILE")
    String arch;

    @Mixin
    DataOption dataOption;

    @Option(names = "--epochs", required = true)
    int epochs;

    @Option(names = "--batch", defaultValue = "128")
    int batch;

    @Option(names = "--lr", defaultValue = "0.1", description = "Initial learning rate.")
    float lr;

    @Option(names = "--lr-drops", split = ",", paramLabel = "EPOCH",
            description = "Epochs at which the learning rate is divided by 10"
                    + " (default: at 1/2 and 3/4 of the run).")
    int[] lrDrops;

    @Option(names = "--limit", defaultValue = "0", description = "Use only the first N"
            + " training images (0: all).")
    int limit;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--no-augment", description = "Train without crop and flip augmentation.")
    boolean noAugment;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--plain", description = "Train the plain twin (no skip connections).")
    boolean plain;

    @Option(names = "--resume", description = "Continue the run saved in --out.")
    boolean resume;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1 || batch < 1 || lr <= 0 || limit < 0) {
            throw new UserInputException("--epochs and --batch must be at least 1, --lr above 0"
                    + " and --limit 0 or more");
        }
        Inputs.Data sets = Inputs.data(dataOption.data, Inputs.arch(arch).input(),
                this::progress);
        ImageDataset train = sets.train();
        ImageDataset test = sets.test();
        NetworkSpec spec = Inputs.archFor(arch, train, plain);
        Inputs.requireBatchFits(train, limit, batch);
        TrainingRecipe recipe = TrainingRecipe.defaults(epochs).withBatchSize(batch)
                .withLearningRate(lr).withLimit(limit).withSeed(seed).withAugment(!noAugment);
        if (lrDrops != null) {
            recipe = recipe.withLrDropEpochs(lrDrops);
        }
        Path resumeFrom = null;
        if (resume) {
            if (!ModelFolder.isModelFolder(out)) {
                throw new UserInputException("--resume: " + out + " holds no saved run yet");
            }
            resumeFrom = out;
        }
        Engine engine = engineOptions.engine();
        Devices.Choice device = engineOptions.device(engine);
        progress(String.format(Locale.ROOT, "training %s on %s (%d images) with %s on %s%n  %s",
                spec.name(), dataOption.data, train.limit(limit).size(), engine.getEngineName(),
                device.describe(), recipe));
        TrainingRun.Result result;
        try {
            result = new TrainingRun(spec, train, test, recipe,
                    sets.preprocessing(), engine,
                    device.device()).run(new ProgressPrinter(), out, resumeFrom);
        } catch (DivergedException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", out.toString());
            m.put("epochs", result.epochsDone());
            m.put("trainError", result.trainError());
            m.put("testError", result.testError());
            printJson(m);
        } else {
            out().printf(Locale.ROOT, "%s: train error %.2f%%, test error %.2f%% after %d"
                    + " epoch%s; model saved in %s%n", spec.name(), 100 * result.trainError(),
                    100 * result.testError(), result.epochsDone(),
                    result.epochsDone() == 1 ? "" : "s", Files.exists(out) ? out
                            : "(nothing saved)");
            out().flush();
        }
        return ExitCodes.OK;
    }

    /** Progress on stderr: a line per history entry and per epoch, with the time left. */
    private final class ProgressPrinter implements TrainingListener {
        private final long start = System.nanoTime();
        private int done;
        private int total;

        @Override
        public void onIteration(int done, int total, double loss) {
            this.done = done;
            this.total = total;
        }

        @Override
        public void onMetrics(MetricsRow r) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            double left = done == 0 ? 0 : elapsed / done * (total - done);
            progress(String.format(Locale.ROOT, "  iteration %6d  epoch %5.2f  loss %.4f  train"
                    + " error %5.2f%%  test error %5.2f%%  lr %.4f  (%s left)", r.iteration(),
                    r.epoch(), r.trainLoss(), 100 * r.trainError(), 100 * r.testError(),
                    r.learningRate(), duration(left)));
        }

        @Override
        public void onEpoch(int epoch, double trainError, double testError) {
            progress(String.format(Locale.ROOT, "epoch %d: train error %.2f%%, test error %.2f%%"
                    + " (whole test set), saved", epoch, 100 * trainError, 100 * testError));
        }

        private String duration(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                    : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
    }
}
