package org.resnetexplorer.app.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resnetexplorer.engine.ShippedModels;
import org.resnetexplorer.engine.train.MetricsCsv;
import org.resnetexplorer.engine.train.MetricsRow;

/**
 * The saved training histories (metrics.csv) of a ResNet and its plain twin, drawn without
 * training: the degradation problem of the paper's Figure 6 from runs made earlier.
 *
 * @param plain empty when no trained plain twin stands beside the ResNet
 */
public record TrainingHistory(String resnetName, String plainName, List<MetricsRow> resnet,
        List<MetricsRow> plain) {

    static final String METRICS = "metrics.csv";

    /**
     * Reads a run folder holding resnet/ and plain/ (what the Train tab saves), or a model
     * folder and the twin folder beside it (resnet56-fashion and plain56-fashion).
     */
    public static TrainingHistory load(Path dir) throws IOException {
        Path r = dir.resolve("resnet").resolve(METRICS);
        Path p = dir.resolve("plain").resolve(METRICS);
        if (Files.isRegularFile(r) && Files.isRegularFile(p)) {
            return new TrainingHistory(name(dir) + "/resnet", name(dir) + "/plain",
                    MetricsCsv.read(r), MetricsCsv.read(p));
        }
        if (!Files.isRegularFile(dir.resolve(METRICS))) {
            throw new IOException(name(dir) + " holds no " + METRICS + ": choose a model folder"
                    + " or a run folder with resnet/ and plain/ inside");
        }
        String n = name(dir);
        String twinName = n.startsWith("resnet") ? "plain" + n.substring(6)
                : n.startsWith("plain") ? "resnet" + n.substring(5) : null;
        Path twin = twinName == null ? null : dir.toAbsolutePath().normalize()
                .resolveSibling(twinName);
        boolean hasTwin = twin != null && Files.isRegularFile(twin.resolve(METRICS));
        List<MetricsRow> mine = MetricsCsv.read(dir.resolve(METRICS));
        List<MetricsRow> other = hasTwin ? MetricsCsv.read(twin.resolve(METRICS)) : List.of();
        if (n.startsWith("plain")) {
            return new TrainingHistory(hasTwin ? twinName : "(no ResNet twin)", n, other, mine);
        }
        return new TrainingHistory(n, hasTwin ? twinName : "(no trained plain twin)", mine,
                other);
    }

    /** Shipped ResNets with a history, "resnet56-fashion + plain56-fashion" when both exist. */
    public static List<Entry> shipped() {
        List<Entry> list = new ArrayList<>();
        for (Map.Entry<String, Path> m : ShippedModels.list().entrySet()) {
            String n = m.getKey();
            if (!n.startsWith("resnet") || !Files.isRegularFile(m.getValue().resolve(METRICS))) {
                continue;
            }
            String twin = "plain" + n.substring(6);
            boolean both = Files.isRegularFile(m.getValue().resolveSibling(twin)
                    .resolve(METRICS));
            list.add(new Entry(both ? n + " + " + twin : n + " (plain twin not trained yet)",
                    m.getValue()));
        }
        return list;
    }

    /** A history the tab offers ready-made. */
    public record Entry(String label, Path folder) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static String name(Path dir) {
        Path f = dir.toAbsolutePath().normalize().getFileName();
        return f == null ? dir.toString() : f.toString();
    }
}
