package org.resnetexplorer.engine.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.engine.data.ImageDataset;
import org.resnetexplorer.engine.probe.LayerValue;
import org.resnetexplorer.model.NetworkSpec;

/**
 * A ResNet and its plain twin trained on the same data, in the same order, from the same seed,
 * one iteration of each in turn, so both curves grow together (the paper's Figure 6 as it
 * happens). Snapshots of the weight-gradient norms of both are taken on a schedule.
 */
public final class Comparison implements AutoCloseable {

    /** Which of the two networks an event is about. */
    public enum Side { RESNET, PLAIN }

    /** A gradient-norm-over-depth snapshot of one network at one iteration. */
    public record GradientSnapshot(Side side, int iteration, List<LayerValue> norms) {
    }

    /** Receives the events of both networks. */
    public interface Listener {
        default void onMetrics(Side side, MetricsRow row) {
        }

        default void onGradients(GradientSnapshot snapshot) {
        }

        default void onProgress(int done, int total) {
        }

        default boolean isCancelled() {
            return false;
        }
    }

    private final TrainingSession resnet;
    private final TrainingSession plain;
    private final int gradientEvery;
    private final List<GradientSnapshot> snapshots = new ArrayList<>();

    /**
     * @param out parent folder for the two model folders ("resnet" and "plain"), or null
     * @param steps iterations for each network
     * @param gradientEvery iterations between gradient snapshots (0: none)
     */
    public Comparison(NetworkSpec spec, ImageDataset train, ImageDataset test,
            TrainingRecipe recipe, Preprocessing preprocessing, Engine engine, Device device,
            Path out, int steps, int gradientEvery) throws IOException, MalformedModelException {
        if (spec.isPlain()) {
            throw new IllegalArgumentException(spec.name() + " has no skip connections to"
                    + " compare against: choose a ResNet");
        }
        this.resnet = new TrainingSession(spec, train, test, recipe, preprocessing, engine,
                device, out == null ? null : out.resolve("resnet"), null, steps);
        try {
            this.plain = new TrainingSession(spec.plainTwin(), train, test, recipe,
                    preprocessing, engine, device, out == null ? null : out.resolve("plain"),
                    null, steps);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            resnet.close();
            throw e;
        }
        this.gradientEvery = gradientEvery;
    }

    /**
     * Steps both networks in turn until they are done or the listener says stop; returns true
     * when both are done. Stopping keeps everything as it is, so a paused comparison can go on
     * with another call (on the same thread: MXNet wants one thread per model).
     */
    public boolean run(Listener listener) throws IOException {
        int total = resnet.total() + plain.total();
        while (resnet.hasNext() || plain.hasNext()) {
            if (listener.isCancelled()) {
                return false;
            }
            step(resnet, Side.RESNET, listener);
            step(plain, Side.PLAIN, listener);
            listener.onProgress(resnet.done() + plain.done(), total);
        }
        return true;
    }

    /** Saves both model folders as far as they got (an epoch's end saves itself). */
    public void finish() throws IOException {
        if (resnet.iteration() % resnet.iterationsPerEpoch() != 0) {
            resnet.saveNow();
            plain.saveNow();
        }
    }

    private void step(TrainingSession session, Side side, Listener listener) throws IOException {
        if (!session.hasNext()) {
            return;
        }
        int next = session.iteration() + 1;
        boolean snapshot = gradientEvery > 0 && (next % gradientEvery == 0 || next == 1);
        // reading every layer's gradient costs a copy per layer: only when a snapshot is due
        session.recordGradients(snapshot);
        session.step(new TrainingListener() {
            @Override
            public void onMetrics(MetricsRow row) {
                listener.onMetrics(side, row);
            }
        });
        if (snapshot) {
            GradientSnapshot s = new GradientSnapshot(side, session.iteration(),
                    session.lastGradients());
            snapshots.add(s);
            listener.onGradients(s);
        }
    }

    public TrainingSession resnet() {
        return resnet;
    }

    public TrainingSession plain() {
        return plain;
    }

    /** curves.csv: both histories, one row per entry, tagged with the network. */
    public void writeCurves(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("network," + MetricsCsv.HEADER + "\n");
        for (Side side : Side.values()) {
            TrainingSession s = side == Side.RESNET ? resnet : plain;
            for (MetricsRow r : s.history()) {
                sb.append(s.network().spec().name()).append(',').append(MetricsCsv.line(r))
                        .append('\n');
            }
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** gradients.csv: every snapshot, one row per layer, first weighted layer first. */
    public void writeGradients(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("network,iteration,depth,layer,norm\n");
        for (GradientSnapshot s : snapshots) {
            String name = (s.side() == Side.RESNET ? resnet : plain).network().spec().name();
            for (int i = 0; i < s.norms().size(); i++) {
                LayerValue v = s.norms().get(i);
                sb.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%.6g%n", name, s.iteration(),
                        i + 1, v.layer(), v.value()));
            }
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            resnet.close();
        } finally {
            plain.close();
        }
    }
}
