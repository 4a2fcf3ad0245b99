package org.resnetexplorer.app.welcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.resnetexplorer.engine.train.MetricsCsv;
import org.resnetexplorer.engine.train.MetricsRow;

/**
 * What the shipped training histories say about degradation, in numbers: the training error
 * each network ended with, and the pair Train &amp; Compare should draw (the deepest ResNet whose
 * plain twin is trained too). The wording follows the numbers, so a run that does not show the
 * effect is not described as showing it.
 *
 * @param historyToDraw a shipped ResNet folder, or null when none has a history
 */
public record DegradationSummary(Path historyToDraw, String text) {

    private static final String METRICS = "metrics.csv";
    /** Rows averaged at the end: one row is a running estimate over only 100 iterations. */
    private static final int TAIL = 3;

    public static DegradationSummary of(Map<String, Path> shipped) {
        OptionalDouble r20 = finalTrainError(shipped.get("resnet20-fashion"));
        OptionalDouble p20 = finalTrainError(shipped.get("plain20-fashion"));
        OptionalDouble r56 = finalTrainError(shipped.get("resnet56-fashion"));
        OptionalDouble p56 = finalTrainError(shipped.get("plain56-fashion"));
        Path draw = r56.isPresent() && p56.isPresent() ? shipped.get("resnet56-fashion")
                : r20.isPresent() ? shipped.get("resnet20-fashion")
                : r56.isPresent() ? shipped.get("resnet56-fashion") : null;
        StringBuilder text = new StringBuilder("Training error at the end of the shipped runs: ")
                .append(list(new String[] {"ResNet-20", "plain-20", "ResNet-56", "plain-56"},
                        r20, p20, r56, p56)).append('.');
        if (r20.isEmpty() && p20.isEmpty() && r56.isEmpty() && p56.isEmpty()) {
            return new DegradationSummary(null, "No shipped training histories are installed"
                    + " yet: train a network and its twin in Train & Compare to see the curves.");
        }
        if (p20.isPresent() && p56.isPresent()) {
            text.append(p56.getAsDouble() > p20.getAsDouble()
                    ? " The deeper plain network trains worse: that is degradation."
                    : " Here the deeper plain network did not train worse; longer runs show"
                            + " the effect more clearly.");
            if (r20.isPresent() && r56.isPresent()) {
                text.append(r56.getAsDouble() <= r20.getAsDouble()
                        ? " The deeper ResNet trains at least as well as the shallower one."
                        : " In these runs the deeper ResNet did not train better either.");
            }
        } else {
            text.append(" The 56-layer histories are not installed yet, so the comparison"
                    + " across depths cannot be made here")
                    .append(p20.isPresent() ? "; Train & Compare shows the 20-layer pair for now."
                            : ", nor is plain-20's; Train & Compare shows"
                                    + " what there is.");
        }
        return new DegradationSummary(draw, text.toString());
    }

    /** Mean training error of the last rows of a model folder's metrics.csv. */
    static OptionalDouble finalTrainError(Path modelDir) {
        if (modelDir == null || !Files.isRegularFile(modelDir.resolve(METRICS))) {
            return OptionalDouble.empty();
        }
        try {
            List<MetricsRow> rows = MetricsCsv.read(modelDir.resolve(METRICS));
            return rows.subList(Math.max(0, rows.size() - TAIL), rows.size()).stream()
                    .mapToDouble(MetricsRow::trainError).average();
        } catch (IOException | RuntimeException e) {
            // a damaged history counts as absent: the lesson still draws what it can
            return OptionalDouble.empty();
        }
    }

    private static String list(String[] names, OptionalDouble... errors) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (errors[i].isPresent()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(names[i]).append(String.format(
                        Locale.ROOT, " %.1f %%", 100 * errors[i].getAsDouble()));
            }
        }
        return sb.toString();
    }
}
