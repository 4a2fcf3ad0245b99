package org.resnetexplorer.app.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.resnetexplorer.app.chart.ChartData;
import org.resnetexplorer.app.chart.Curve;
import org.resnetexplorer.engine.probe.BlockResponse;
import org.resnetexplorer.engine.probe.LayerValue;
import org.resnetexplorer.model.LayerInfo;
import org.resnetexplorer.model.NetworkAnalysis;
import org.resnetexplorer.model.NetworkSpec;

/**
 * The Shortcuts tab's numbers, from the cached forward pass: what each residual block adds to its
 * input, and the paper's Figure 7 (standard deviation of the batch-norm responses over depth).
 * Pure functions of an {@link InsideReport}, so they are tested without a scene.
 */
public final class ShortcutsViewModel {

    private ShortcutsViewModel() {
    }

    /** std of x, F(x) and x + F(x) per ResNet block, and the plain block's output. */
    public static ChartData blocks(InsideReport r) {
        List<BlockResponse> res = r.resnet().blocks();
        List<String> names = res.stream().map(BlockResponse::block).toList();
        List<Curve> curves = new ArrayList<>();
        // order matters: an AUTO curve third is drawn green, apart from blue and orange
        curves.add(Curve.overDepth("ResNet: x (block input)", names,
                res.stream().mapToDouble(BlockResponse::inputStd).toArray())
                .with(Curve.Look.RESNET_DASHED));
        curves.add(Curve.overDepth("ResNet: x + F(x) (block output)", names,
                res.stream().mapToDouble(BlockResponse::outputStd).toArray())
                .with(Curve.Look.RESNET));
        curves.add(Curve.overDepth("ResNet: F(x) (residual branch)", names,
                res.stream().mapToDouble(BlockResponse::branchStd).toArray()));
        List<BlockResponse> plain = r.plain().blocks();
        curves.add(Curve.overDepth(TwinLabel.series(r.plainTrained()) + ": block output",
                plain.stream().map(BlockResponse::block).toList(),
                plain.stream().mapToDouble(BlockResponse::outputStd).toArray())
                .with(Curve.Look.PLAIN));
        return new ChartData("Standard deviation through each block", "block (input side"
                + " first)", "std over the batch", false, curves);
    }

    /** |F(x)| / |shortcut(x)| per residual block: how much each block changes its input. */
    public static ChartData ratio(InsideReport r) {
        List<BlockResponse> res = r.resnet().blocks();
        return new ChartData("|F(x)| / |x|: how much each residual block changes its input",
                "block (input side first)", "|F(x)| / |x|", false, List.of(Curve.overDepth(
                        "ResNet " + r.resnetName(), res.stream().map(BlockResponse::block)
                                .toList(), res.stream().mapToDouble(BlockResponse::ratio)
                                .toArray()).with(Curve.Look.RESNET)));
    }

    /** The paper's Figure 7: std of every batch-norm output inside the blocks, over depth. */
    public static ChartData figure7(InsideReport r) {
        Curve res = bnCurve("ResNet " + r.resnetName(), r.resnetSpec(), r.resnet().responses());
        Curve plain = bnCurve(TwinLabel.series(r.plainTrained()), r.plainSpec(),
                r.plain().responses());
        return new ChartData("Layer responses (He et al. 2015, Figure 7)",
                "batch-norm layer inside the blocks (input side first)",
                "std of the response", false, List.of(res.with(Curve.Look.RESNET),
                        plain.with(Curve.Look.PLAIN)));
    }

    private static Curve bnCurve(String name, NetworkSpec spec, List<LayerValue> responses) {
        Set<String> bn = NetworkAnalysis.of(spec).layers().stream()
                .filter(l -> l.type().equals("batchnorm") && l.name().startsWith("stage")
                        && !l.onShortcut())
                .map(LayerInfo::name).collect(Collectors.toSet());
        List<LayerValue> kept = responses.stream().filter(v -> bn.contains(v.layer())).toList();
        return Curve.overDepth(name, kept.stream().map(LayerValue::layer).toList(),
                kept.stream().mapToDouble(LayerValue::value).toArray());
    }

    /** What to look at in Figure 7, worded after what this pass actually shows. */
    public static String figure7Caption(InsideReport r) {
        ChartData d = figure7(r);
        double res = mean(d.curves().get(0).y());
        double plain = mean(d.curves().get(1).y());
        String verdict;
        if (!(res > 0) || !(plain > 0)) {
            verdict = "";
        } else if (res < plain) {
            verdict = String.format(Locale.ROOT, "Here the ResNet's responses are smaller: on"
                    + " average %.3g against %.3g for the plain network, as He et al. report"
                    + " for CIFAR-10.", res, plain);
        } else {
            verdict = String.format(Locale.ROOT, "Here the ResNet's responses are not smaller"
                    + " (on average %.3g against %.3g for the plain network), unlike what He et"
                    + " al. report for CIFAR-10; weights that are untrained, or trained briefly,"
                    + " need not show it.", res, plain);
        }
        return "Each point is the standard deviation of one batch-norm layer's output (after"
                + " the batch norm, before the addition and ReLU) over the batch. The paper"
                + " finds residual functions are closer to zero than plain ones, so a ResNet's"
                + " responses are generally smaller. " + verdict + " The twin is the "
                + r.twinLabel() + ".";
    }

    /** A line about the ratios: small means the block mostly passes its input on. */
    public static String ratioCaption(InsideReport r) {
        double[] y = ratio(r).curves().get(0).y();
        double m = mean(y);
        if (!(m >= 0)) {
            return "";
        }
        double max = 0;
        int at = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] > max) {
                max = y[i];
                at = i;
            }
        }
        return String.format(Locale.ROOT, "Mean |F(x)|/|x| %.2f: below 1 a block nudges its"
                + " input rather than replacing it. Largest at %s (%.2f).", m, r.resnet().blocks().get(at).block(), max);
    }

    static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
