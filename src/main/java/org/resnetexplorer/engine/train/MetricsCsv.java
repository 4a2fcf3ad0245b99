package org.resnetexplorer.engine.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** metrics.csv of a model folder: one {@link MetricsRow} per line, with a header. */
public final class MetricsCsv {

    public static final String HEADER = "iteration,epoch,train_loss,train_error,test_error,lr";

    private MetricsCsv() {
    }

    public static void write(Path file, List<MetricsRow> rows) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (MetricsRow r : rows) {
            sb.append(line(r)).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** One row as metrics.csv writes it, without the line end. */
    public static String line(MetricsRow r) {
        return String.format(Locale.ROOT, "%d,%.4f,%.5f,%.5f,%.5f,%.6f", r.iteration(),
                r.epoch(), r.trainLoss(), r.trainError(), r.testError(), r.learningRate());
    }

    public static List<MetricsRow> read(Path file) throws IOException {
        List<MetricsRow> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            try {
                rows.add(new MetricsRow(Integer.parseInt(f[0]), Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            } catch (RuntimeException e) {
                throw new IOException(file.getFileName() + " line " + (i + 1)
                        + " is not a metrics row (" + HEADER + "): " + line, e);
            }
        }
        return rows;
    }
}
