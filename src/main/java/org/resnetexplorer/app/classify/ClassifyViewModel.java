package org.resnetexplorer.app.classify;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.resnetexplorer.engine.Classifier;
import org.resnetexplorer.engine.Devices;
import org.resnetexplorer.engine.Engines;
import org.resnetexplorer.engine.UserModels;
import org.resnetexplorer.engine.zoo.GluonImport;
import org.resnetexplorer.engine.zoo.ZooDownload;
import org.resnetexplorer.engine.zoo.ZooResNet;
import org.resnetexplorer.engine.image.DecodedImage;
import org.resnetexplorer.engine.image.ImageLoader;
import org.resnetexplorer.engine.image.ImageReadException;
import org.resnetexplorer.model.NetworkSpec;

/**
 * The Classify tab's state and commands, without any scene-graph type: which model is loaded,
 * the gallery of classified images, progress and cancel. Engine work runs on the injected
 * executor (one engine thread for the whole app); results arrive on the FX thread.
 */
public final class ClassifyViewModel {

    public static final int TOP_K = 5;

    private final Executor executor;
    private final Supplier<NetworkSpec> editorSpec;
    private final ObservableList<ModelChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> selected = new SimpleObjectProperty<>();
    private final ObservableList<ImageCard> cards = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper modelDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<NetworkSpec> loadedSpec = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty showTwin = new SimpleBooleanProperty(true);
    private final ObjectProperty<String> device = new SimpleObjectProperty<>("auto");

    private final ReadOnlyObjectWrapper<ZooResNet> downloadable = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper gpusSeen = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper();
    private ZooFetcher fetcher = ZooDownload::fetch;
    private ExecutorService downloads;

    private LoadedModels loaded;
    private Task<?> running;
    /** Set by {@link #restore}: the next load leaves the editor's network alone. */
    private boolean keepEditorOnNextLoad;
    /** Images to classify as soon as the model being loaded is ready. */
    private List<Path> pending = List.of();

    public ClassifyViewModel(Executor executor, Supplier<NetworkSpec> editorSpec) {
        this.executor = executor;
        this.editorSpec = editorSpec;
        refreshChoices();
        selected.addListener((o, was, now) -> {
            ZooResNet zoo = now == null ? null : now.zooResNet().orElse(null);
            downloadable.set(zoo);
            if (zoo != null) {
                cancel();
                status.set(zoo.title() + " is not on this computer yet: Download fetches about "
                        + zoo.megabytes() + " MB from DJL's model zoo (once; it is kept in "
                        + UserModels.root() + ").");
            } else if (now != null && (loaded == null || !now.equals(loaded.choice()))) {
                load(now);
            } else if (now != null) {
                drainPending();
            }
        });
        device.addListener((o, was, now) -> {
            // an ImageNet entry still to download has nothing to reload: the loaded model has
            ModelChoice reload = downloadable.get() != null && loaded != null ? loaded.choice()
                    : selected.get();
            if (reload != null && reload.kind() != ModelChoice.Kind.ZOO) {
                load(reload);
            }
        });
    }

    /**
     * Shipped models first, then the user's, the ImageNet ResNets to download, the editor's
     * network; keeps folders the user added.
     */
    public void refreshChoices() {
        choices.setAll(ModelChoice.offered(choices, name -> true, true));
    }

    /** Where the ImageNet ResNets come from; tests put the zoo's files in place themselves. */
    public void setZooFetcher(ZooFetcher value) {
        fetcher = value;
    }

    /**
     * Downloads the chosen ImageNet ResNet on a thread of its own (the engine thread stays free
     * for the other tabs), converts it into a model folder on the engine thread, then offers and
     * loads it. Cancel stops the download and keeps nothing; offline, the status says so and the
     * loaded model stays.
     */
    public void download() {
        ZooResNet which = downloadable.get();
        if (which == null || busy.get()) {
            return;
        }
        Task<Path> fetch = new Task<>() {
            @Override
            protected Path call() throws Exception {
                updateMessage("Downloading " + which.title() + "...");
                return fetcher.fetch(which, (done, total) -> {
                    updateProgress(done, total > 0 ? total : -1);
                    updateMessage(total > 0
                            ? String.format("Downloading %s: %d of %d MB", which.title(),
                                    done >> 20, total >> 20)
                            : String.format("Downloading %s: %d MB", which.title(), done >> 20));
                }, this::isCancelled);
            }
        };
        busy.set(true);
        downloading.set(true);
        progress.set(-1);
        // a cancelled task still delivers the updates it posted before: they must not win
        fetch.progressProperty().addListener((o, was, now) -> {
            if (!fetch.isCancelled()) {
                progress.set(now.doubleValue());
            }
        });
        fetch.messageProperty().addListener((o, was, now) -> {
            if (!fetch.isCancelled()) {
                status.set(now);
            }
        });
        fetch.setOnSucceeded(e -> install(which, fetch.getValue()));
        fetch.setOnCancelled(e -> carryOn(which, "Download cancelled; nothing was kept."));
        fetch.setOnFailed(e -> carryOn(which, message(fetch.getException())));
        running = fetch;
        downloadThread().execute(fetch);
    }

    /**
     * After a download of {@code which} that did not happen: back to the model that is loaded,
     * if the chooser still shows {@code which} (not if the user has chosen something else).
     */
    private void carryOn(ZooResNet which, String why) {
        busy.set(false);
        downloading.set(false);
        progress.set(0);
        ModelChoice now = selected.get();
        if (loaded != null && now != null && now.zooResNet().equals(Optional.of(which))) {
            selected.set(loaded.choice());
        }
        status.set(why);
    }

    /** Makes the downloaded files a model folder (engine work), then loads it. */
    private void install(ZooResNet which, Path source) {
        Task<Path> convert = new Task<>() {
            @Override
            protected Path call() throws Exception {
                GluonImport.convert(source, which, Engines.get(GluonImport.ENGINE),
                        which.installedFolder());
                return which.installedFolder();
            }
        };
        progress.set(-1);
        status.set("Converting " + which.title() + " for this app (a few seconds)...");
        convert.setOnSucceeded(e -> {
            busy.set(false);
            downloading.set(false);
            progress.set(0);
            refreshChoices();
            choose(which.folderName());
        });
        convert.setOnFailed(e -> carryOn(which, "Cannot use the downloaded " + which.title()
                + ": " + message(convert.getException())));
        // a few seconds of file writing on the engine thread: not worth an interrupt that could
        // leave half a model folder, so Cancel leaves it alone
        running = null;
        executor.execute(convert);
    }

    private ExecutorService downloadThread() {
        if (downloads == null) {
            downloads = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "zoo-download");
                t.setDaemon(true);
                return t;
            });
        }
        return downloads;
    }

    /** Adds a model folder chosen on disk and selects it. */
    public void addFolder(Path dir) {
        ModelChoice c = ModelChoice.folder(dir);
        choices.add(choices.size() - 1, c);
        selected.set(c);
    }

    /** Chooses a model by its label ("resnet20-fashion"); false when it is not offered. */
    public boolean choose(String label) {
        return choices.stream().filter(c -> c.label().equals(label)).findFirst().map(c -> {
            selected.set(c);
            return true;
        }).orElse(false);
    }

    /**
     * Brings back last session's model and device. Unlike a choice made by hand, the loaded
     * model's architecture is not pushed into the editor, which holds last session's file.
     */
    public boolean restore(String label, String deviceName) {
        if (deviceName != null && List.of("auto", "cpu", "gpu").contains(deviceName)) {
            device.set(deviceName);
        }
        if (label == null || choices.stream().noneMatch(c -> c.label().equals(label))) {
            return false;
        }
        keepEditorOnNextLoad = true;
        return choose(label);
    }

    /**
     * Classifies now when the chosen model is loaded and nothing else runs, else as soon as it
     * is free: files dropped while a model loads or other images are classified wait their turn
     * instead of going to the wrong model or being lost.
     */
    public void classifyWhenReady(List<Path> files) {
        if (loaded != null && loaded.choice().equals(selected.get()) && !busy.get()) {
            classify(files);
        } else {
            List<Path> waiting = new ArrayList<>(pending);
            waiting.addAll(files);
            pending = List.copyOf(waiting);
        }
    }

    /** Starts what was dropped meanwhile, once the engine thread is free of this view's work. */
    private void drainPending() {
        if (!pending.isEmpty() && loaded != null && !busy.get()) {
            List<Path> waiting = pending;
            pending = List.of();
            classify(waiting);
        }
    }

    private void load(ModelChoice choice) {
        cancel();
        boolean publishSpec = !keepEditorOnNextLoad;
        keepEditorOnNextLoad = false;
        NetworkSpec spec = editorSpec.get();
        String deviceName = device.get();
        LoadedModels[] opened = new LoadedModels[1];
        Task<LoadedModels> task = new Task<>() {
            @Override
            protected LoadedModels call() throws Exception {
                Engine engine = Engines.get(null);
                Devices.Choice d = Devices.choose(engine, deviceName);
                int gpus = Devices.gpuCount(engine);
                Platform.runLater(() -> gpusSeen.set(gpus));
                updateMessage(d.describe());
                opened[0] = LoadedModels.open(choice, spec, engine, d.device());
                return opened[0];
            }
        };
        // a load overtaken by another choice still finishes on the engine thread; whatever it
        // opened is closed there after it, so switching quickly leaks no native memory
        task.setOnCancelled(e -> executor.execute(() -> {
            if (opened[0] != null) {
                opened[0].close();
            }
        }));
        busy.set(true);
        progress.set(-1);
        status.set("Loading " + choice.label() + "...");
        task.setOnSucceeded(e -> {
            closeLoaded();
            loaded = task.getValue();
            busy.set(false);
            progress.set(0);
            status.set(choice.kind() == ModelChoice.Kind.EDITOR
                    ? "Untrained weights: the answers are random until the network is trained."
                    : "Ready: drop images here.");
            if (choice.kind() != ModelChoice.Kind.EDITOR && publishSpec) {
                loadedSpec.set(loaded.resnet().network().spec());
            }
            String twin = loaded.twin() == null ? "no plain twin (the model is plain)"
                    : "twin: " + loaded.twinLabel();
            modelDescription.set(loaded.resnet().network().spec().name() + " · input "
                    + loaded.resnet().network().spec().input() + " · " + twin + " · "
                    + task.getMessage());
            drainPending();
        });
        task.setOnFailed(e -> {
            busy.set(false);
            progress.set(0);
            pending = List.of();
            status.set("Cannot load " + choice.label() + ": " + message(task.getException()));
        });
        running = task;
        executor.execute(task);
    }

    /** Classifies the files in the background; each arrives in the gallery as it is done. */
    public void classify(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        LoadedModels models = loaded;
        if (models == null) {
            status.set("Choose a model first.");
            return;
        }
        boolean twin = showTwin.get();
        int[] unreadable = new int[1];
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                for (int i = 0; i < files.size() && !isCancelled(); i++) {
                    ImageCard card = classifyOne(models, files.get(i), twin);
                    if (!card.ok()) {
                        unreadable[0]++;
                    }
                    Platform.runLater(() -> cards.add(card));
                    updateProgress(i + 1, files.size());
                    updateMessage("Classified " + (i + 1) + " of " + files.size());
                }
                return null;
            }
        };
        busy.set(true);
        progress.set(0);
        task.progressProperty().addListener((o, was, now) -> progress.set(now.doubleValue()));
        task.messageProperty().addListener((o, was, now) -> status.set(now));
        Runnable done = () -> {
            busy.set(false);
            progress.set(0);
            Platform.runLater(this::drainPending);
        };
        task.setOnSucceeded(e -> {
            done.run();
            status.set(summary(files.size(), unreadable[0]));
        });
        task.setOnCancelled(e -> {
            done.run();
            status.set("Cancelled.");
        });
        task.setOnFailed(e -> {
            done.run();
            status.set("Classification stopped: " + message(task.getException()));
        });
        running = task;
        executor.execute(task);
    }

    /** Decodes once and runs the image through the model and, when wanted, its twin. */
    static ImageCard classifyOne(LoadedModels models, Path file, boolean withTwin) {
        DecodedImage decoded;
        try {
            decoded = ImageLoader.read(file);
        } catch (ImageReadException e) {
            return new ImageCard(file, new Classifier.Result(file, List.of(), null, 0,
                    e.getMessage(), null), null);
        }
        Classifier.Result r = models.resnet().classify(file, decoded, TOP_K);
        Classifier.Result t = withTwin && models.twin() != null
                ? models.twin().classify(file, decoded, TOP_K) : null;
        return new ImageCard(file, r, t);
    }

    private static String summary(int n, int bad) {
        return n + (n == 1 ? " image" : " images") + " classified"
                + (bad > 0 ? ", " + bad + " could not be read" : "") + ".";
    }

    public void cancel() {
        if (running != null && running.isRunning()) {
            running.cancel();
        }
    }

    public void clear() {
        cards.clear();
    }

    private void closeLoaded() {
        if (loaded != null) {
            LoadedModels old = loaded;
            loaded = null;
            executor.execute(old::close);
        }
    }

    private static String message(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public ObservableList<ModelChoice> choices() {
        return choices;
    }

    public ObjectProperty<ModelChoice> selectedProperty() {
        return selected;
    }

    public ObservableList<ImageCard> cards() {
        return cards;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelDescriptionProperty() {
        return modelDescription.getReadOnlyProperty();
    }

    /** The architecture of the last trained model loaded, for the editor to show. */
    public ReadOnlyObjectProperty<NetworkSpec> loadedSpecProperty() {
        return loadedSpec.getReadOnlyProperty();
    }

    /** True from Download until the model is converted (or the download given up). */
    public ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }

    /** GPUs the engine sees, known once a model has been loaded (-1 until then). */
    public ReadOnlyIntegerProperty gpusSeenProperty() {
        return gpusSeen.getReadOnlyProperty();
    }

    /** What the device menu shows for "auto", "cpu" or "gpu", with what DJL sees. */
    public String deviceLabel(String value) {
        int gpus = gpusSeen.get();
        return switch (value == null ? "auto" : value) {
            case "cpu" -> "CPU";
            case "gpu" -> gpus > 0 ? "GPU 0 of " + gpus
                    : gpus == 0 ? "GPU (none seen: CPU)" : "GPU";
            default -> gpus > 0 ? "Auto (GPU 0)" : gpus == 0 ? "Auto (CPU)" : "Auto";
        };
    }

    /** The ImageNet ResNet the chosen entry would download, or null. */
    public ReadOnlyObjectProperty<ZooResNet> downloadableProperty() {
        return downloadable.getReadOnlyProperty();
    }

    public BooleanProperty showTwinProperty() {
        return showTwin;
    }

    /** "auto", "cpu" or "gpu"; changing it reloads the model in the background. */
    public ObjectProperty<String> deviceProperty() {
        return device;
    }

    /** The loaded pair, for views that probe the same model (null until loaded). */
    public LoadedModels loaded() {
        return loaded;
    }
}
