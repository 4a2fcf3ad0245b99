package org.resnetexplorer.cli;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.resnetexplorer.engine.Devices;
import org.resnetexplorer.engine.data.ImageDataset;
import org.resnetexplorer.engine.train.Comparison;
import org.resnetexplorer.engine.train.DivergedException;
import org.resnetexplorer.engine.train.MetricsRow;
import org.resnetexplorer.engine.train.TrainingRecipe;
import org.resnetexplorer.model.NetworkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compare", description = "Train a ResNet and its plain twin on the same data"
        + " with the same seed, in turn; write their curves (curves.csv), per-layer gradient"
        + " norms (gradients.csv) and both model folders.")
class CompareCommand extends BaseCommand {

    @Option(names = "--arch", required = true, paramLabel = "NAME|FILE")
    String arch;

    @Mixin
    DataOption dataOption;

    @Option(names = "--steps", required = true, description = "Iterations for each network.")
    int steps;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--batch", defaultValue = "128")
    int batch;

    @Option(names = "--lr", defaultValue = "0.1")
    float lr;

    @Option(names = "--limit", defaultValue = "0")
    int limit;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--eval-every", defaultValue = "0", description = "Iterations between curve"
            + " points (default: steps/20, at least 1).")
    int evalEvery;

    @Option(names = "--gradient-every", defaultValue = "0", description = "Iterations between"
            + " gradient snapshots (default: steps/5).")
    int gradientEvery;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || batch < 1 || lr <= 0) {
            throw new UserInputException("--steps and --batch must be at least 1, --lr above 0");
        }
        Inputs.Data sets = Inputs.data(dataOption.data, Inputs.arch(arch).input(),
                this::progress);
        ImageDataset train = sets.train();
        ImageDataset test = sets.test();
        NetworkSpec spec = Inputs.archFor(arch, train, false);
        Inputs.requireBatchFits(train, limit, batch);
        if (spec.isPlain()) {
            throw new UserInputException(spec.name() + " has no skip connections: compare"
                    + " takes a ResNet and builds its plain twin itself");
        }
        int perEpoch = Math.max(1, train.limit(limit).size() / batch);
        int epochs = (steps + perEpoch - 1) / perEpoch;
        TrainingRecipe recipe = TrainingRecipe.defaults(epochs).withLrDropEpochs()
                .withBatchSize(batch).withLearningRate(lr).withLimit(limit).withSeed(seed)
                .withEvalEvery(evalEvery > 0 ? evalEvery : Math.max(1, steps / 20));
        int gradEvery = gradientEvery > 0 ? gradientEvery : Math.max(1, steps / 5);
        Engine engine = engineOptions.engine();
        Devices.Choice device = engineOptions.device(engine);
        progress(String.format(Locale.ROOT, "comparing %s and its plain twin, %d steps each,"
                + " on %s with %s on %s", spec.name(), steps, dataOption.data,
                engine.getEngineName(), device.describe()));
        Files.createDirectories(out);
        try (Comparison c = new Comparison(spec, train, test, recipe,
                sets.preprocessing(), engine, device.device(), out, steps, gradEvery)) {
            c.run(new Comparison.Listener() {
                @Override
                public void onMetrics(Comparison.Side side, MetricsRow r) {
                    progress(String.format(Locale.ROOT, "  %-6s iteration %6d  loss %.4f  train"
                            + " error %5.2f%%  test error %5.2f%%", side.name().toLowerCase(
                                    Locale.ROOT), r.iteration(), r.trainLoss(),
                            100 * r.trainError(), 100 * r.testError()));
                }
            });
            c.finish();
            c.writeCurves(out.resolve("curves.csv"));
            c.writeGradients(out.resolve("gradients.csv"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toString());
            m.put("steps", steps);
            m.put("resnet", summary(c.resnet().history()));
            m.put("plain", summary(c.plain().history()));
            if (json()) {
                printJson(m);
            } else {
                out().printf(Locale.ROOT, "wrote %s, %s and the model folders resnet/ and plain/"
                        + " in %s%n", "curves.csv", "gradients.csv", out);
                out().flush();
            }
        } catch (DivergedException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> summary(java.util.List<MetricsRow> history) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!history.isEmpty()) {
            MetricsRow last = history.get(history.size() - 1);
            m.put("trainLoss", last.trainLoss());
            m.put("trainError", last.trainError());
            m.put("testError", last.testError());
        }
        return m;
    }
}
