package org.resnetexplorer.cli;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetexplorer.engine.BatchRunner;
import org.resnetexplorer.engine.Evaluation;
import org.resnetexplorer.engine.ModelFolder;
import org.resnetexplorer.engine.data.ImageDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", description = "Accuracy and confusion matrix of a model on the"
        + " test images of a data set.")
class EvaluateCommand extends BaseCommand {

    @Option(names = "--model", required = true, paramLabel = "DIR|NAME")
    String model;

    @Mixin
    DataOption dataOption;

    @Option(names = "--limit", defaultValue = "0", description = "Only the first N test images.")
    int limit;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        Path dir = Inputs.modelFolder(model);
        Engine engine = engineOptions.engine();
        Evaluation ev;
        try (ModelFolder.Loaded m = ModelFolder.load(dir, engine,
                engineOptions.device(engine, err()).device())) {
            ImageDataset test = Inputs.testData(dataOption.data, m.net().spec().input(),
                    m.info().preprocessing(), this::progress);
            try {
                // an image folder's classes are its folder names: match them to the model's
                test = test.relabelled(m.labels());
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
            var in = m.net().spec().input();
            if (in.channels() != test.channels() || in.height() != test.height()
                    || in.width() != test.width()) {
                throw new UserInputException(model + " expects " + in + " images but "
                        + dataOption.data + " has " + test.channels() + "x" + test.height() + "x"
                        + test.width());
            }
            ev = BatchRunner.fused(m.net(), m.model().getNDManager())
                    .evaluate(test, m.info().preprocessing(), limit, 256);
            ev = new Evaluation(m.labels(), ev.confusion());
        }
        if (json()) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("model", model);
            root.put("accuracy", ev.accuracy());
            root.put("labels", ev.labels());
            root.put("confusion", ev.confusion());
            printJson(root);
        } else {
            printMatrix(ev);
        }
        return ExitCodes.OK;
    }

    private void printMatrix(Evaluation ev) {
        var out = out();
        out.printf(Locale.ROOT, "%s: accuracy %.2f%% on %d test images%n%n", model,
                100 * ev.accuracy(), ev.total());
        List<String> labels = ev.labels();
        out.printf(Locale.ROOT, "%-14s", "true \\ pred");
        for (int c = 0; c < labels.size(); c++) {
            out.printf(Locale.ROOT, "%6s", abbreviate(labels.get(c)));
        }
        out.println();
        for (int r = 0; r < labels.size(); r++) {
            out.printf(Locale.ROOT, "%-14s", labels.get(r));
            for (int c = 0; c < labels.size(); c++) {
                out.printf(Locale.ROOT, "%6d", ev.confusion()[r][c]);
            }
            out.println();
        }
        out.flush();
    }

    private static String abbreviate(String label) {
        return label.length() <= 5 ? label : label.substring(0, 5);
    }
}
