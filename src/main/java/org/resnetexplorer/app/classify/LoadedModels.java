package org.resnetexplorer.app.classify;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.List;
import org.resnetexplorer.engine.Classifier;
import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.engine.UntrainedDefaults;
import org.resnetexplorer.engine.probe.ModelPair;
import org.resnetexplorer.model.NetworkSpec;

/**
 * A chosen model and its plain twin, ready to classify: both are opened together so that every
 * image can be shown through both networks. Engine work only; call off the FX thread.
 */
public final class LoadedModels implements AutoCloseable {

    private final ModelChoice choice;
    private final Classifier resnet;
    private final Classifier twin;
    private final String twinLabel;

    private LoadedModels(ModelChoice choice, Classifier resnet, Classifier twin,
            String twinLabel) {
        this.choice = choice;
        this.resnet = resnet;
        this.twin = twin;
        this.twinLabel = twinLabel;
    }

    /**
     * Warms each network up ({@link Classifier#warmUp}), so that the times on the cards are the
     * network's and not the engine's first-pass set-up; closes both if that fails (e.g. out of
     * memory).
     */
    private LoadedModels warmedUp() {
        try {
            resnet.warmUp();
            if (twin != null) {
                twin.warmUp();
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * @param editorSpec the editor's network, used for {@link ModelChoice.Kind#EDITOR}
     */
    public static LoadedModels open(ModelChoice choice, NetworkSpec editorSpec, Engine engine,
            Device device) throws Exception {
        if (choice.kind() == ModelChoice.Kind.EDITOR) {
            Preprocessing pp = UntrainedDefaults.preprocessing(editorSpec);
            List<String> labels = UntrainedDefaults.labels(editorSpec);
            Classifier r = untrained(editorSpec, labels, pp, engine, device);
            try {
                Classifier t = editorSpec.isPlain() ? null
                        : untrained(editorSpec.plainTwin(), labels, pp, engine, device);
                return new LoadedModels(choice, r, t, "plain twin (untrained)").warmedUp();
            } catch (RuntimeException e) {
                r.close();
                throw e;
            }
        }
        Path dir = choice.folder();
        Classifier r = Classifier.open(dir, engine, device);
        try {
            var twinDir = ModelPair.twinFolder(dir);
            if (twinDir.isPresent()) {
                return new LoadedModels(choice, r, Classifier.open(twinDir.get(), engine, device),
                        twinDir.get().getFileName().toString()).warmedUp();
            }
            NetworkSpec spec = r.network().spec();
            if (spec.isPlain()) {
                return new LoadedModels(choice, r, null, null).warmedUp();
            }
            return new LoadedModels(choice, r, untrained(spec.plainTwin(), r.labels(),
                    r.preprocessing(), engine, device), "plain twin (untrained)").warmedUp();
        } catch (Exception e) {
            r.close();
            throw e;
        }
    }

    private static Classifier untrained(NetworkSpec spec, List<String> labels, Preprocessing pp,
            Engine engine, Device device) {
        ModelPair.Side side = ModelPair.untrained(spec, engine, device);
        return new Classifier(side.net(), side.model().getNDManager(), labels, pp,
                side.model());
    }

    public ModelChoice choice() {
        return choice;
    }

    public Classifier resnet() {
        return resnet;
    }

    /** The plain twin, or null when the model is itself plain. */
    public Classifier twin() {
        return twin;
    }

    public String twinLabel() {
        return twinLabel;
    }

    public boolean trained() {
        return choice.kind() != ModelChoice.Kind.EDITOR;
    }

    @Override
    public void close() {
        try {
            resnet.close();
        } finally {
            if (twin != null) {
                twin.close();
            }
        }
    }
}
