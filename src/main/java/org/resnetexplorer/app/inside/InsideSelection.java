package org.resnetexplorer.app.inside;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.resnetexplorer.app.classify.ModelChoice;
import org.resnetexplorer.engine.Devices;
import org.resnetexplorer.engine.Engines;
import org.resnetexplorer.engine.probe.ForwardReport;
import org.resnetexplorer.model.NetworkSpec;

/**
 * "What to look inside", shared by the Feature maps, Shortcuts and Gradients tabs: a model (its
 * ResNet and plain twin, opened in the background) and an input image. One forward pass per
 * (model, image) is cached, so going back to an earlier choice, or switching tab or layer, costs
 * no engine call. No scene-graph types; engine work runs on the injected executor.
 */
public final class InsideSelection {

    private static final int CACHE = 12;

    private final Executor executor;
    private final Supplier<NetworkSpec> editorSpec;
    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList();
    private final ObservableList<ImageChoice> images = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> model = new SimpleObjectProperty<>();
    private final ObjectProperty<ImageChoice> image = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<InsideReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Choose a model and an image.");
    private final ReadOnlyIntegerWrapper pairRevision = new ReadOnlyIntegerWrapper();
    private final Map<Key, InsideReport> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, InsideReport> eldest) {
            return size() > CACHE;
        }
    };

    private ProbedPair pair;
    private PairKey pairKey;
    private Task<?> running;
    private int engineCalls;

    /** Which network a cached report belongs to: the editor's spec counts, it can change. */
    private record PairKey(ModelChoice choice, NetworkSpec editorSpec) {
    }

    private record Key(PairKey pair, Path image) {
    }

    public InsideSelection(Executor executor, Supplier<NetworkSpec> editorSpec) {
        this.executor = executor;
        this.editorSpec = editorSpec;
        refreshModels();
        images.setAll(SampleImages.list());
        model.addListener((o, was, now) -> refresh());
        image.addListener((o, was, now) -> refresh());
    }

    /** Shipped models, then folders the user added, then the editor's network. */
    public void refreshModels() {
        // a plain model has no residual twin to compare with, so only ResNets are offered here
        List<ModelChoice> list = ModelChoice.offered(models, name -> !name.startsWith("plain"),
                false);
        ModelChoice keep = model.get();
        models.setAll(list);
        if (keep != null && list.contains(keep)) {
            model.set(keep);
        }
    }

    public void addFolder(Path dir) {
        ModelChoice c = ModelChoice.folder(dir);
        models.add(models.size() - 1, c);
        model.set(c);
    }

    /** An image from anywhere on disk, added to the list and chosen. */
    public void addImage(Path file) {
        ImageChoice c = ImageChoice.of(file);
        images.removeIf(i -> i.file().equals(file));
        images.add(0, c);
        image.set(c);
    }

    /** Chooses by name ("resnet20-fashion") and file name; for start options and tests. */
    public boolean preselect(String modelName, String imageName) {
        boolean ok = true;
        if (imageName != null) {
            ok &= images.stream().filter(i -> i.file().getFileName().toString()
                    .equals(imageName)).findFirst().map(i -> {
                        image.set(i);
                        return true;
                    }).orElse(false);
        }
        if (modelName != null) {
            ok &= models.stream().filter(m -> m.label().equals(modelName)
                    || (modelName.equals("editor") && m.kind() == ModelChoice.Kind.EDITOR))
                    .findFirst().map(m -> {
                        model.set(m);
                        return true;
                    }).orElse(false);
        }
        return ok;
    }

    /** The editor's network changed: redo the pass when it is the one being looked at. */
    public void editorChanged() {
        if (model.get() != null && model.get().kind() == ModelChoice.Kind.EDITOR) {
            refresh();
        }
    }

    private void refresh() {
        ModelChoice m = model.get();
        ImageChoice i = image.get();
        if (m == null || i == null) {
            return;
        }
        cancel();
        PairKey pk = new PairKey(m, m.kind() == ModelChoice.Kind.EDITOR ? editorSpec.get()
                : null);
        Key key = new Key(pk, i.file());
        InsideReport cached = cache.get(key);
        if (cached != null && Objects.equals(pk, pairKey)) {
            report.set(cached);
            status.set(ready(cached));
            return;
        }
        ProbedPair current = Objects.equals(pk, pairKey) ? pair : null;
        engineCalls++;
        ProbeTask task = new ProbeTask(pk, current, i);
        busy.set(true);
        status.set(current == null ? "Opening " + m.label() + " and its plain twin..."
                : "Running " + i.title() + " through both networks...");
        task.setOnSucceeded(e -> {
            busy.set(false);
            ProbeTask.Result r = task.getValue();
            if (r.pair() != pair) {
                closePair();
                pair = r.pair();
                pairKey = pk;
                pairRevision.set(pairRevision.get() + 1);
            }
            cache.put(key, r.report());
            report.set(r.report());
            status.set(ready(r.report()));
        });
        task.setOnFailed(e -> {
            busy.set(false);
            status.set("Cannot look inside " + m.label() + " with " + i.title() + ": "
                    + Messages.of(task.getException()));
        });
        task.setOnCancelled(e -> {
            busy.set(false);
            status.set("Cancelled.");
            // runs after the task on the single engine thread, so it sees what the task opened
            executor.execute(task::closeIfOrphan);
        });
        running = task;
        executor.execute(task);
    }

    private static String ready(InsideReport r) {
        return r.predictions() + ".  Responses over " + r.batchSource() + ".";
    }

    /** Opens the pair when needed, then one forward pass of each network over the batch. */
    private final class ProbeTask extends Task<ProbeTask.Result> {
        record Result(ProbedPair pair, InsideReport report) {
        }

        private final PairKey key;
        private final ProbedPair existing;
        private final ImageChoice image;
        private volatile ProbedPair opened;

        ProbeTask(PairKey key, ProbedPair existing, ImageChoice image) {
            this.key = key;
            this.existing = existing;
            this.image = image;
        }

        @Override
        protected Result call() throws Exception {
            ProbedPair p = existing;
            if (p == null) {
                Engine engine = Engines.get(null);
                p = ProbedPair.open(key.choice(), key.editorSpec(), engine,
                        Devices.choose(engine, "auto").device());
                opened = p;
            }
            try {
                InputBatch batch = InputBatch.make(image, p.spec().input(), p.preprocessing(),
                        InputBatch.sizeFor(p.spec().input()));
                ForwardReport r = p.resnet().probe().forward(batch.x(), batch.count());
                ForwardReport t = p.plain().probe().forward(batch.x(), batch.count());
                InsideReport report = new InsideReport(p.resnet().name(), p.plain().name(),
                        p.resnetTrained(), p.plain().trained(), p.spec(),
                        p.plain().net().spec(), batch.first(), image.title(), batch.source(), r,
                        t, p.labels());
                return new Result(p, report);
            } catch (Exception | Error e) {
                if (opened != null) {
                    opened.close();
                    opened = null;
                }
                throw e;
            }
        }

        void closeIfOrphan() {
            if (opened != null) {
                try {
                    opened.close();
                } catch (Exception e) {
                    // closing frees native memory; nothing the user can do about a failure
                }
            }
        }
    }

    /** The pair as it is open now; use it only from work handed to the engine executor. */
    public ProbedPair pair() {
        return pair;
    }

    public void cancel() {
        if (running != null && running.isRunning()) {
            running.cancel();
        }
    }

    private void closePair() {
        if (pair != null) {
            ProbedPair old = pair;
            pair = null;
            pairKey = null;
            executor.execute(() -> {
                try {
                    old.close();
                } catch (Exception e) {
                    // see closeIfOrphan
                }
            });
        }
    }

    /** Closes the open pair (on the engine thread); the app calls it when it stops. */
    public void dispose() {
        cancel();
        closePair();
    }

    /** Forward passes started so far: a layer or tab switch must not add one. */
    public int engineCalls() {
        return engineCalls;
    }

    public ObservableList<ModelChoice> models() {
        return models;
    }

    public ObservableList<ImageChoice> images() {
        return images;
    }

    public ObjectProperty<ModelChoice> modelProperty() {
        return model;
    }

    public ObjectProperty<ImageChoice> imageProperty() {
        return image;
    }

    public ReadOnlyObjectProperty<InsideReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Goes up each time a different pair is opened (the gradients view redoes its pass). */
    public ReadOnlyIntegerProperty pairRevisionProperty() {
        return pairRevision.getReadOnlyProperty();
    }
}
