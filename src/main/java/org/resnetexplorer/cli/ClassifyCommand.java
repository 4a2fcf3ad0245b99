package org.resnetexplorer.cli;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetexplorer.engine.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "classify", description = "Top classes with probabilities for each image file."
        + " Files that cannot be read are reported (exit code 2); the others are still"
        + " classified.")
class ClassifyCommand extends BaseCommand {

    @Option(names = "--model", required = true, paramLabel = "DIR|NAME")
    String model;

    @Option(names = "--top", defaultValue = "5", paramLabel = "K")
    int top;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<Path> images;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        Path dir = Inputs.modelFolder(model);
        Engine engine = engineOptions.engine();
        List<Classifier.Result> results;
        try (Classifier classifier = Classifier.open(dir, engine,
                engineOptions.device(engine, err()).device())) {
            results = classifier.classifyAll(images, top);
        }
        for (Classifier.Result r : results) {
            if (!r.ok()) {
                err().println("error: " + r.error());
            }
        }
        err().flush();
        if (json()) {
            printJson(results.stream().map(ClassifyCommand::toJson).toList());
        } else {
            for (Classifier.Result r : results) {
                if (!r.ok()) {
                    continue;
                }
                out().printf(Locale.ROOT, "%s%n", r.file());
                for (Classifier.Prediction p : r.top()) {
                    out().printf(Locale.ROOT, "  %6.2f%%  %s%n", 100 * p.probability(), p.label());
                }
            }
            out().flush();
        }
        return results.stream().allMatch(Classifier.Result::ok) ? ExitCodes.OK
                : ExitCodes.BAD_INPUT;
    }

    private static Map<String, Object> toJson(Classifier.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file().toString());
        m.put("top", r.top().stream().map(p -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("label", p.label());
            t.put("index", p.index());
            t.put("probability", p.probability());
            return t;
        }).toList());
        m.put("error", r.error());
        return m;
    }
}
