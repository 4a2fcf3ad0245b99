package org.resnetexplorer.app.inside;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.List;
import org.resnetexplorer.app.classify.ModelChoice;
import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.engine.UntrainedDefaults;
import org.resnetexplorer.engine.probe.ModelPair;
import org.resnetexplorer.model.NetworkSpec;

/**
 * The chosen ResNet and its plain twin, open for probing, with what a probe needs to prepare an
 * input (preprocessing, class names). Engine work: open and close it on the engine thread.
 */
public final class ProbedPair implements AutoCloseable {

    private final ModelChoice choice;
    private final ModelPair.Side resnet;
    private final ModelPair.Side plain;
    private final Preprocessing preprocessing;
    private final List<String> labels;
    private final AutoCloseable closer;

    private ProbedPair(ModelChoice choice, ModelPair.Side resnet, ModelPair.Side plain,
            Preprocessing preprocessing, List<String> labels, AutoCloseable closer) {
        this.choice = choice;
        this.resnet = resnet;
        this.plain = plain;
        this.preprocessing = preprocessing;
        this.labels = labels;
        this.closer = closer;
    }

    /** @param editorSpec the editor's network, for {@link ModelChoice.Kind#EDITOR} */
    public static ProbedPair open(ModelChoice choice, NetworkSpec editorSpec, Engine engine,
            Device device) throws Exception {
        if (choice.kind() == ModelChoice.Kind.EDITOR) {
            if (editorSpec.isPlain()) {
                throw new IllegalArgumentException("the network in the editor has no skip"
                        + " connections, so it has no plain twin to compare with: give it"
                        + " shortcuts (the Shortcut option A, B or C)");
            }
            ModelPair.Side r = ModelPair.untrained(editorSpec, engine, device);
            ModelPair.Side p;
            try {
                p = ModelPair.untrained(editorSpec.plainTwin(), engine, device);
            } catch (RuntimeException e) {
                r.model().close();
                throw e;
            }
            Preprocessing pp = UntrainedDefaults.preprocessing(editorSpec);
            List<String> labels = UntrainedDefaults.labels(editorSpec);
            return new ProbedPair(choice, r, p, pp, labels, () -> {
                try {
                    r.model().close();
                } finally {
                    p.model().close();
                }
            });
        }
        ModelPair pair = ModelPair.open(choice.folder(), engine, device);
        return new ProbedPair(choice, pair.resnet(), pair.plain(),
                pair.resnetModel().info().preprocessing(), pair.resnetModel().labels(), pair);
    }

    public ModelChoice choice() {
        return choice;
    }

    public ModelPair.Side resnet() {
        return resnet;
    }

    public ModelPair.Side plain() {
        return plain;
    }

    public boolean resnetTrained() {
        return choice.kind() != ModelChoice.Kind.EDITOR;
    }

    /** "trained twin" or "untrained twin", the words every view uses for the plain network. */
    public String twinLabel() {
        return TwinLabel.of(plain.trained());
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    public List<String> labels() {
        return labels;
    }

    public NetworkSpec spec() {
        return resnet.net().spec();
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
