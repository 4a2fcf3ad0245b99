package org.resnetexplorer.app.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.resnetexplorer.app.chart.ChartData;
import org.resnetexplorer.app.chart.Curve;
import org.resnetexplorer.engine.probe.GradientReport;
import org.resnetexplorer.engine.probe.LayerValue;

/**
 * The Gradients tab: one forward and backward pass of the ResNet and of its plain twin over the
 * same labelled batch, on the engine thread; weight-gradient norms per layer and the gradient
 * reaching each block, over depth on a log scale, and a sentence comparing the two.
 */
public final class GradientsViewModel {

    private final Executor executor;
    private final InsideSelection selection;
    private final ReadOnlyObjectWrapper<GradientResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Choose a model above; the gradients are computed when this tab is open.");
    private int computedRevision = -1;
    private Task<GradientResult> running;

    public GradientsViewModel(Executor executor, InsideSelection selection) {
        this.executor = executor;
        this.selection = selection;
    }

    /** Computes unless the result already belongs to the open pair. */
    public void computeIfStale() {
        if (selection.pair() != null && computedRevision != selection.pairRevisionProperty()
                .get() && !busy.get()) {
            compute();
        }
    }

    public void compute() {
        ProbedPair pair = selection.pair();
        if (pair == null) {
            status.set("Choose a model and an image above first.");
            return;
        }
        int revision = selection.pairRevisionProperty().get();
        Task<GradientResult> task = new Task<>() {
            @Override
            protected GradientResult call() throws Exception {
                var input = pair.spec().input();
                InputBatch b = InputBatch.make(null, input, pair.preprocessing(),
                        InputBatch.sizeFor(input));
                if (b.count() == 0) {
                    throw new IllegalStateException("no labelled images: install Fashion-MNIST"
                            + " or keep the fashion-* sample images");
                }
                GradientReport r = pair.resnet().probe().gradients(b.x(), b.labels(), b.count());
                if (isCancelled()) {
                    return null;
                }
                GradientReport p = pair.plain().probe().gradients(b.x(), b.labels(), b.count());
                return new GradientResult(pair.resnet().name(), pair.resnetTrained(),
                        pair.plain().trained(), b.source(), b.count(), r, p);
            }
        };
        busy.set(true);
        status.set("Forward and backward pass of both networks...");
        task.setOnSucceeded(e -> {
            busy.set(false);
            computedRevision = revision;
            result.set(task.getValue());
            status.set(ratioText(task.getValue()));
            // a new pair may have opened while this one was busy (a lesson switching networks)
            computeIfStale();
        });
        task.setOnFailed(e -> {
            busy.set(false);
            status.set("Cannot compute the gradients: " + Messages.of(task.getException()));
        });
        task.setOnCancelled(e -> {
            busy.set(false);
            status.set("Cancelled.");
        });
        running = task;
        executor.execute(task);
    }

    public void cancel() {
        if (running != null && running.isRunning()) {
            running.cancel();
        }
    }

    /** Weight-gradient L2 norm per main-path weighted layer (shortcut projections left out). */
    public static ChartData weights(GradientResult g) {
        return new ChartData("Weight gradient per layer (log scale)",
                "weighted layer (input side first)", "L2 norm of the weight gradient", true,
                List.of(curve("ResNet " + g.resnetName(), g.resnet().weightGradients())
                        .with(Curve.Look.RESNET), curve(TwinLabel.series(g.plainTrained()),
                        g.plain().weightGradients()).with(Curve.Look.PLAIN)));
    }

    /** Norm of the gradient of the loss with respect to each block's output. */
    public static ChartData blocks(GradientResult g) {
        return new ChartData("Gradient reaching each block's output (log scale)",
                "block (input side first)", "L2 norm of dLoss/d(block output)", true,
                List.of(curve("ResNet " + g.resnetName(), g.resnet().blockGradients())
                        .with(Curve.Look.RESNET), curve(TwinLabel.series(g.plainTrained()),
                        g.plain().blockGradients()).with(Curve.Look.PLAIN)));
    }

    private static Curve curve(String name, List<LayerValue> values) {
        List<LayerValue> kept = values.stream().filter(v -> !v.layer().contains(".shortcut."))
                .toList();
        return Curve.overDepth(name, kept.stream().map(LayerValue::layer).toList(),
                kept.stream().mapToDouble(LayerValue::value).toArray());
    }

    /**
     * "gradient reaching the first block: ResNet 1.2e-1, plain 4.5e+2 (3 600× larger in the
     * plain net)", then how each changes from the last block to the first.
     */
    public static String ratioText(GradientResult g) {
        List<LayerValue> r = g.resnet().blockGradients();
        List<LayerValue> p = g.plain().blockGradients();
        if (r.isEmpty() || p.isEmpty()) {
            return "These networks have no blocks to compare.";
        }
        double rf = r.get(0).value();
        double pf = p.get(0).value();
        String which = pf > rf ? Sci.factor(pf / rf) + " larger in the plain net"
                : Sci.factor(rf / pf) + " larger in the ResNet";
        List<String> parts = new ArrayList<>();
        parts.add("Gradient reaching the first block: ResNet " + Sci.of(rf) + ", plain "
                + Sci.of(pf) + " (" + which + ").");
        parts.add("From the last block back to the first it " + change(r) + " in the ResNet and "
                + change(p) + " in the " + TwinLabel.of(g.plainTrained()) + ".");
        parts.add("Batch: " + g.batch() + " " + (g.batch() == 1 ? "image" : "images")
                + " (" + g.batchSource() + ")" + (g.resnetTrained() ? "" : ", weights at"
                        + " initialisation") + ".");
        return String.join(" ", parts);
    }

    /** "grows 11×" or "shrinks 40×" from the last block's gradient to the first's. */
    static String change(List<LayerValue> blocks) {
        double first = blocks.get(0).value();
        double last = blocks.get(blocks.size() - 1).value();
        if (!(first > 0) || !(last > 0)) {
            return "cannot be compared (a zero gradient)";
        }
        return first >= last ? "grows " + Sci.factor(first / last)
                : "shrinks " + Sci.factor(last / first);
    }

    /** Both charts' numbers in one CSV (layer norms, then block norms). */
    public static String csv(GradientResult g) {
        return org.resnetexplorer.app.chart.ChartCsv.of(weights(g)) + "\n"
                + org.resnetexplorer.app.chart.ChartCsv.of(blocks(g));
    }

    public ReadOnlyObjectProperty<GradientResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
