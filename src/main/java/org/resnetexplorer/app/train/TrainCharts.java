package org.resnetexplorer.app.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.resnetexplorer.app.chart.ChartData;
import org.resnetexplorer.app.chart.Curve;
import org.resnetexplorer.engine.probe.LayerValue;
import org.resnetexplorer.engine.train.Comparison;
import org.resnetexplorer.engine.train.MetricsRow;

/** The Train tab's charts as numbers: loss, error (the paper's Figure 6) and gradient norms. */
public final class TrainCharts {

    private TrainCharts() {
    }

    public static ChartData loss(String resnet, String plain, List<MetricsRow> r,
            List<MetricsRow> p) {
        return new ChartData("Training loss", "iteration", "training loss", false, List.of(
                curve("ResNet " + resnet, r, MetricsRow::trainLoss).with(Curve.Look.RESNET),
                curve("plain " + plain, p, MetricsRow::trainLoss).with(Curve.Look.PLAIN)));
    }

    /** Dashed: training error; solid: test error, as in He et al.'s Figure 6. */
    public static ChartData error(String resnet, String plain, List<MetricsRow> r,
            List<MetricsRow> p) {
        return new ChartData("Error (%): dashed training, solid test", "iteration", "error (%)",
                false, List.of(
                        curve("ResNet train", r, m -> 100 * m.trainError())
                                .with(Curve.Look.RESNET_DASHED),
                        curve("ResNet test", r, m -> 100 * m.testError())
                                .with(Curve.Look.RESNET),
                        curve("plain train", p, m -> 100 * m.trainError())
                                .with(Curve.Look.PLAIN_DASHED),
                        curve("plain test", p, m -> 100 * m.testError())
                                .with(Curve.Look.PLAIN)));
    }

    /** The first and the latest gradient snapshot of each network, over depth, log scale. */
    public static ChartData gradients(List<Comparison.GradientSnapshot> first,
            List<Comparison.GradientSnapshot> latest) {
        List<Curve> curves = new ArrayList<>();
        for (Comparison.Side side : Comparison.Side.values()) {
            boolean res = side == Comparison.Side.RESNET;
            first.stream().filter(s -> s.side() == side).findFirst().ifPresent(s -> curves.add(
                    snapshot(s).with(res ? Curve.Look.RESNET_DASHED : Curve.Look.PLAIN_DASHED)));
            latest.stream().filter(s -> s.side() == side && first.stream().noneMatch(f ->
                    f.side() == side && f.iteration() == s.iteration())).findFirst()
                    .ifPresent(s -> curves.add(snapshot(s).with(res ? Curve.Look.RESNET
                            : Curve.Look.PLAIN)));
        }
        return new ChartData("Weight gradient over depth as training goes (log scale)",
                "weighted layer (input side first)", "L2 norm of the weight gradient", true,
                curves);
    }

    private static Curve snapshot(Comparison.GradientSnapshot s) {
        List<LayerValue> kept = s.norms().stream()
                .filter(v -> !v.layer().contains(".shortcut.")).toList();
        return Curve.overDepth((s.side() == Comparison.Side.RESNET ? "ResNet" : "plain")
                + " at iteration " + s.iteration(), kept.stream().map(LayerValue::layer).toList(),
                kept.stream().mapToDouble(LayerValue::value).toArray());
    }

    private static Curve curve(String name, List<MetricsRow> rows,
            ToDoubleFunction<MetricsRow> y) {
        return new Curve(name, rows.stream().mapToDouble(MetricsRow::iteration).toArray(),
                rows.stream().mapToDouble(y).toArray(), List.of());
    }

    /** Both histories in one CSV, like the CLI's curves.csv. */
    public static String historyCsv(String resnet, String plain, List<MetricsRow> r,
            List<MetricsRow> p) {
        StringBuilder sb = new StringBuilder("network,iteration,epoch,train_loss,train_error,"
                + "test_error,lr\n");
        append(sb, resnet, r);
        append(sb, plain, p);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, List<MetricsRow> rows) {
        for (MetricsRow m : rows) {
            sb.append(String.format(java.util.Locale.ROOT, "%s,%d,%.4f,%.5f,%.5f,%.5f,%.6f%n",
                    name, m.iteration(), m.epoch(), m.trainLoss(), m.trainError(),
                    m.testError(), m.learningRate()));
        }
    }
}
