package org.resnetexplorer.app.train;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.resnetexplorer.app.inside.Messages;
import org.resnetexplorer.engine.Devices;
import org.resnetexplorer.engine.Engines;
import org.resnetexplorer.engine.data.DatasetNotFoundException;
import org.resnetexplorer.engine.data.FashionMnist;
import org.resnetexplorer.engine.data.ImageDataset;
import org.resnetexplorer.engine.train.Comparison;
import org.resnetexplorer.engine.train.DivergedException;
import org.resnetexplorer.engine.train.MetricsRow;
import org.resnetexplorer.model.InputShape;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.SpecProblem;
import org.resnetexplorer.model.SpecValidator;

/**
 * Train &amp; Compare: trains the editor's network and its plain twin on Fashion-MNIST with the
 * same seed and recipe, in turn, on the engine thread, and collects both curves and gradient
 * snapshots for the view; or draws histories saved earlier. No scene-graph types.
 */
public final class TrainCompareViewModel {

    public static final InputShape FASHION_INPUT = new InputShape(1, 28, 28);

    private final Executor executor;
    private final Supplier<NetworkSpec> editorSpec;
    private final DataLocator data;
    private final Supplier<Path> runsRoot;

    private final IntegerProperty steps = new SimpleIntegerProperty(300);
    private final IntegerProperty batch = new SimpleIntegerProperty(128);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(0.1);
    private final IntegerProperty limit = new SimpleIntegerProperty(0);
    private final StringProperty outFolder = new SimpleStringProperty("");

    private final ReadOnlyBooleanWrapper canTrain = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper chartsRevision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper dataMissing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper();
    private DataDownloader downloader = p -> FashionMnist.download(FashionMnist.userDirectory(),
            p);

    private final List<MetricsRow> resnetRows = new ArrayList<>();
    private final List<MetricsRow> plainRows = new ArrayList<>();
    private final List<Comparison.GradientSnapshot> firstSnapshots = new ArrayList<>();
    private final List<Comparison.GradientSnapshot> latestSnapshots = new ArrayList<>();
    private String resnetName = "";
    private String plainName = "";

    private PauseGate gate;
    /** Makes the next segment of the current run (see {@link #start}). */
    private java.util.function.Supplier<Task<Outcome>> segment;
    /** Moves the current run's queued points into the charts. */
    private Runnable lastFlush = () -> { };
    private Path lastOut;

    /** What the run did, for the status line. */
    record Outcome(boolean cancelled, boolean paused, int done, int total, Path out) {
    }

    private record Row(Comparison.Side side, MetricsRow row) {
    }

    public TrainCompareViewModel(Executor executor, Supplier<NetworkSpec> editorSpec,
            DataLocator data, Supplier<Path> runsRoot) {
        this.executor = executor;
        this.editorSpec = editorSpec;
        this.data = data;
        this.runsRoot = runsRoot;
        editorChanged();
        dataMissing.set(!dataPresent());
    }

    private boolean dataPresent() {
        try {
            data.locate();
            return true;
        } catch (DatasetNotFoundException e) {
            return false;
        }
    }

    /** Where Fashion-MNIST comes from when the user asks; tests put the files in place. */
    public void setDownloader(DataDownloader value) {
        downloader = value;
    }

    /**
     * Downloads Fashion-MNIST (about 30 MB, into ~/.resnet-explorer/datasets) on a thread of its
     * own; offline, the status says so and nothing else changes.
     */
    public void downloadData() {
        if (downloading.get() || running.get()) {
            return;
        }
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                downloader.download(p -> updateProgress(p, 1));
                return null;
            }
        };
        downloading.set(true);
        progress.set(-1);
        progressText.set("Downloading Fashion-MNIST (about 30 MB)...");
        task.progressProperty().addListener((o, a, b) -> progress.set(b.doubleValue()));
        Runnable done = () -> {
            downloading.set(false);
            progress.set(0);
            progressText.set("");
        };
        task.setOnSucceeded(e -> {
            done.run();
            dataMissing.set(!dataPresent());
            status.set(dataMissing.get() ? "The download finished but Fashion-MNIST is still not"
                    + " complete in " + FashionMnist.userDirectory() + "."
                    : "Fashion-MNIST is ready: Train both.");
        });
        task.setOnFailed(e -> {
            done.run();
            status.set(Messages.of(task.getException()));
        });
        Thread t = new Thread(task, "fashion-mnist-download");
        t.setDaemon(true);
        t.start();
    }

    /** True when Fashion-MNIST is not on this computer (the Download button shows). */
    public ReadOnlyBooleanProperty dataMissingProperty() {
        return dataMissing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }

    /** The app's: Fashion-MNIST from its search path, runs under ~/.resnet-explorer/runs. */
    public static TrainCompareViewModel forApp(Executor executor, Supplier<NetworkSpec> spec) {
        return new TrainCompareViewModel(executor, spec, FashionMnist::locate,
                () -> Path.of(System.getProperty("user.home"), ".resnet-explorer", "runs"));
    }

    /** Re-reads the editor's network: can it be trained here, and how is it adapted? */
    public void editorChanged() {
        NetworkSpec spec = editorSpec.get();
        String why = null;
        if (spec == null) {
            why = "No network in the editor.";
        } else if (spec.isPlain()) {
            why = "The network in the editor has no skip connections: Train & Compare needs a"
                    + " ResNet, and builds its plain twin itself.";
        } else {
            List<SpecProblem> problems = SpecValidator.validate(adapt(spec));
            if (!problems.isEmpty()) {
                why = "The network in the editor cannot take Fashion-MNIST (1×28×28, 10"
                        + " classes): " + problems.get(0) + ".";
            }
        }
        canTrain.set(why == null);
        reason.set(why != null ? why : adaptationNote(spec));
    }

    static NetworkSpec adapt(NetworkSpec spec) {
        return spec.withInput(FASHION_INPUT).withNumClasses(FashionMnist.CLASSES.size());
    }

    static String adaptationNote(NetworkSpec spec) {
        if (spec.input().equals(FASHION_INPUT) && spec.numClasses() == 10) {
            return "Trains " + spec.name() + " and its plain twin on Fashion-MNIST, same seed,"
                    + " same recipe.";
        }
        return "Trains " + spec.name() + " and its plain twin on Fashion-MNIST, same seed, same"
                + " recipe; adapted from input " + spec.input() + " and " + spec.numClasses()
                + " classes to 1×28×28 and 10 classes.";
    }

    public TrainSettings settings() {
        return new TrainSettings(steps.get(), batch.get(), (float) learningRate.get(),
                limit.get());
    }

    /** Starts a run; does nothing (but say why) when it cannot start. */
    public void start() {
        if (running.get()) {
            return;
        }
        editorChanged();
        TrainSettings s = settings();
        String problem = !canTrain.get() ? reason.get() : s.problem();
        if (problem != null) {
            status.set(problem);
            return;
        }
        NetworkSpec spec = adapt(editorSpec.get());
        Path out = outFolder.get() == null || outFolder.get().isBlank()
                ? runsRoot.get().resolve(LocalDateTime.now().format(
                        DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss")))
                : Path.of(outFolder.get().trim());
        clearCurves();
        resnetName = spec.name();
        plainName = TrainCompareViewModel.plainNameOf(spec);
        PauseGate g = new PauseGate();
        gate = g;
        Queue<Row> rows = new ConcurrentLinkedQueue<>();
        Queue<Comparison.GradientSnapshot> snaps = new ConcurrentLinkedQueue<>();
        AtomicBoolean flushQueued = new AtomicBoolean();
        long started = System.nanoTime();
        java.util.concurrent.atomic.AtomicIntegerArray pace =
                new java.util.concurrent.atomic.AtomicIntegerArray(2);
        Runnable flush = () -> {
            flushQueued.set(false);
            boolean changed = false;
            for (Row r; (r = rows.poll()) != null; changed = true) {
                (r.side() == Comparison.Side.RESNET ? resnetRows : plainRows).add(r.row());
            }
            for (Comparison.GradientSnapshot sn; (sn = snaps.poll()) != null; changed = true) {
                Comparison.GradientSnapshot shot = sn;
                if (firstSnapshots.stream().noneMatch(f -> f.side() == shot.side())) {
                    firstSnapshots.add(shot);
                }
                latestSnapshots.removeIf(l -> l.side() == shot.side());
                latestSnapshots.add(shot);
            }
            if (changed) {
                chartsRevision.set(chartsRevision.get() + 1);
            }
            if (running.get() && pace.get(1) > 0) {
                progress.set(pace.get(0) / (double) pace.get(1));
                long active = System.nanoTime() - started - g.pausedNanos();
                progressText.set("Step " + pace.get(0) / 2 + " of " + pace.get(1) / 2
                        + " for each network · " + (g.isPaused() ? "paused"
                                : TimeLeft.of(active, pace.get(0), pace.get(1))));
            }
        };
        lastFlush = flush;
        Runnable queueFlush = () -> {
            if (flushQueued.compareAndSet(false, true)) {
                Platform.runLater(flush);
            }
        };
        Comparison[] open = new Comparison[1];
        int[] last = new int[2];
        // A run goes in segments: Pause ends the current segment so the single engine thread
        // is free for the other tabs, and Resume (or Cancel) queues the next one on that same
        // thread, where the open comparison waits.
        segment = () -> new Task<>() {
            @Override
            protected Outcome call() throws Exception {
                if (open[0] == null) {
                    Path dir = data.locate();
                    ImageDataset train = FashionMnist.train(dir);
                    ImageDataset test = FashionMnist.test(dir);
                    Files.createDirectories(out);
                    Engine engine = Engines.get(null);
                    open[0] = new Comparison(spec, train, test, s.recipe(train.size()),
                            FashionMnist.PREPROCESSING, engine,
                            Devices.choose(engine, "auto").device(), out, s.steps(),
                            s.gradientEvery());
                }
                Comparison c = open[0];
                try {
                    boolean done = c.run(new Comparison.Listener() {
                        @Override
                        public void onMetrics(Comparison.Side side, MetricsRow row) {
                            rows.add(new Row(side, row));
                            queueFlush.run();
                        }

                        @Override
                        public void onGradients(Comparison.GradientSnapshot snapshot) {
                            snaps.add(snapshot);
                            queueFlush.run();
                        }

                        @Override
                        public void onProgress(int done, int total) {
                            last[0] = done;
                            last[1] = total;
                            pace.set(0, done);
                            pace.set(1, total);
                            queueFlush.run();
                        }

                        @Override
                        public boolean isCancelled() {
                            return g.isCancelled() || g.isPaused();
                        }
                    });
                    if (!done && !g.isCancelled()) {
                        return new Outcome(false, true, last[0], last[1], out);
                    }
                    c.finish();
                    c.writeCurves(out.resolve("curves.csv"));
                    c.writeGradients(out.resolve("gradients.csv"));
                } catch (Exception | Error e) {
                    close(open);
                    throw e;
                }
                close(open);
                return new Outcome(g.isCancelled(), false, last[0], last[1], out);
            }
        };
        Task<Outcome> task = segment.get();
        running.set(true);
        paused.set(false);
        progress.set(-1);
        progressText.set("Reading Fashion-MNIST and building both networks...");
        status.set(reason.get());
        task.setOnSucceeded(e -> segmentSucceeded(task, flush));
        task.setOnFailed(e -> segmentFailed(task, flush));
        executor.execute(task);
    }

    private static void close(Comparison[] open) {
        if (open[0] != null) {
            open[0].close();
            open[0] = null;
        }
    }

    /** Queues the next segment of the run (after Resume or Cancel). */
    private void continueRun() {
        Task<Outcome> task = segment.get();
        Runnable flush = lastFlush;
        task.setOnSucceeded(e -> segmentSucceeded(task, flush));
        task.setOnFailed(e -> segmentFailed(task, flush));
        executor.execute(task);
    }

    private void segmentSucceeded(Task<Outcome> task, Runnable flush) {
        flush.run();
        Outcome o = task.getValue();
        if (o.paused()) {
            progressText.set(progressText.get().replaceAll("· .*$", "· paused"));
            status.set("Paused; Resume goes on from the same step.");
            return;
        }
        finished();
        lastOut = o.out();
        status.set((o.cancelled() ? "Cancelled after " + o.done() / 2 + " of "
                + o.total() / 2 + " steps; what was trained is saved" : "Done")
                + " in " + o.out() + " (resnet/, plain/, curves.csv, gradients.csv).");
    }

    private void segmentFailed(Task<Outcome> task, Runnable flush) {
        flush.run();
        finished();
        Throwable t = task.getException();
        if (t instanceof DatasetNotFoundException) {
            dataMissing.set(true);
        }
        status.set(t instanceof DatasetNotFoundException || t instanceof DivergedException
                ? t.getMessage() : "Training stopped: " + Messages.of(t));
    }

    private void finished() {
        running.set(false);
        paused.set(false);
        progress.set(0);
        progressText.set("");
    }

    static String plainNameOf(NetworkSpec spec) {
        return spec.plainTwin().name();
    }

    /** Pauses a running run between two iterations, or resumes a paused one. */
    public void togglePause() {
        if (!running.get() || gate == null) {
            return;
        }
        if (gate.isPaused()) {
            gate.resume();
            paused.set(false);
            status.set("Resumed.");
            continueRun();
        } else {
            gate.pause();
            paused.set(true);
            status.set("Paused after the current step; Resume goes on from there.");
            progressText.set(progressText.get().replaceAll("· .*$", "· paused"));
        }
    }

    /** Stops after the current step; both networks are saved as far as they got. */
    public void cancel() {
        if (gate != null && running.get()) {
            boolean wasPaused = gate.isPaused();
            gate.cancel();
            paused.set(false);
            status.set("Cancelling after the current step...");
            if (wasPaused) {
                continueRun();
            }
        }
    }

    /** Draws saved histories instead of a live run. */
    public void showHistory(Path dir) {
        if (running.get()) {
            status.set("A run is going on: cancel it first to look at a saved history.");
            return;
        }
        try {
            TrainingHistory h = TrainingHistory.load(dir);
            clearCurves();
            resnetName = h.resnetName();
            plainName = h.plainName();
            resnetRows.addAll(h.resnet());
            plainRows.addAll(h.plain());
            chartsRevision.set(chartsRevision.get() + 1);
            status.set("Saved histories: " + h.resnetName() + " (" + h.resnet().size()
                    + " points) and " + h.plainName() + " (" + h.plain().size() + " points)."
                    + (h.plain().isEmpty() ? " No trained plain twin yet." : ""));
        } catch (IOException e) {
            status.set("Cannot read the history: " + Messages.of(e));
        }
    }

    private void clearCurves() {
        resnetRows.clear();
        plainRows.clear();
        firstSnapshots.clear();
        latestSnapshots.clear();
        chartsRevision.set(chartsRevision.get() + 1);
    }

    public List<MetricsRow> resnetRows() {
        return List.copyOf(resnetRows);
    }

    public List<MetricsRow> plainRows() {
        return List.copyOf(plainRows);
    }

    public List<Comparison.GradientSnapshot> firstSnapshots() {
        return List.copyOf(firstSnapshots);
    }

    public List<Comparison.GradientSnapshot> latestSnapshots() {
        return List.copyOf(latestSnapshots);
    }

    public String resnetName() {
        return resnetName;
    }

    public String plainName() {
        return plainName;
    }

    public String historyCsv() {
        return TrainCharts.historyCsv(resnetName, plainName, resnetRows, plainRows);
    }

    public Path lastOut() {
        return lastOut;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public IntegerProperty batchProperty() {
        return batch;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty limitProperty() {
        return limit;
    }

    public StringProperty outFolderProperty() {
        return outFolder;
    }

    public ReadOnlyBooleanProperty canTrainProperty() {
        return canTrain.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Goes up whenever curves or snapshots change: the view redraws its charts then. */
    public ReadOnlyIntegerProperty chartsRevisionProperty() {
        return chartsRevision.getReadOnlyProperty();
    }
}
