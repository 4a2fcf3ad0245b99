package org.resnetexplorer.engine.probe;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.resnetexplorer.engine.ModelFolder;
import org.resnetexplorer.engine.SpecNetwork;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.SpecFormatException;

/**
 * A ResNet and its plain twin, side by side for every view. The twin of a trained model is its
 * trained twin where one exists (folders named resnetN-x and plainN-x side by side), otherwise the
 * untrained twin, built from the same spec with the training initialisation, and marked so.
 */
public final class ModelPair implements AutoCloseable {

    private final ModelFolder.Loaded resnet;
    private final String resnetName;
    private final Side plain;

    /** One network of the pair and whether its weights were trained. */
    public record Side(String name, SpecNetwork net, Model model, boolean trained) {
        public NetworkProbe probe() {
            return new NetworkProbe(net, model.getNDManager());
        }
    }

    private ModelPair(ModelFolder.Loaded resnet, String resnetName, Side plain) {
        this.resnet = resnet;
        this.resnetName = resnetName;
        this.plain = plain;
    }

    /**
     * Opens a trained ResNet and its twin. A plain model given alone is refused: its shortcuts
     * are gone, so its residual twin cannot be rebuilt.
     */
    public static ModelPair open(Path dir, Engine engine, Device device)
            throws IOException, MalformedModelException, SpecFormatException {
        NetworkSpec spec = ModelFolder.readSpec(dir);
        Path resnetDir = dir;
        if (spec.isPlain()) {
            resnetDir = twinFolder(dir).orElseThrow(() -> new IOException(dir.getFileName()
                    + " is a plain network and no residual twin folder stands beside it:"
                    + " open the ResNet instead"));
        }
        ModelFolder.Loaded resnet = ModelFolder.load(resnetDir, engine, device);
        try {
            Optional<Path> twin = twinFolder(resnetDir);
            Side plainSide;
            if (twin.isPresent()) {
                ModelFolder.Loaded p = ModelFolder.load(twin.get(), engine, device);
                plainSide = new Side(twin.get().getFileName().toString(), p.net(), p.model(),
                        true);
            } else {
                plainSide = untrained(resnet.net().spec().plainTwin(), engine, device);
            }
            return new ModelPair(resnet, resnetDir.toAbsolutePath().normalize().getFileName()
                    .toString(), plainSide);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            resnet.close();
            throw e;
        }
    }

    /** A network with the initial weights training starts from (seeded, so repeatable). */
    public static Side untrained(NetworkSpec spec, Engine engine, Device device) {
        engine.setRandomSeed(42);
        SpecNetwork net = SpecNetwork.of(spec);
        Model model = Model.newInstance(spec.name(), device, engine.getEngineName());
        try {
            model.setBlock(net);
            net.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                    XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
            net.initialize(model.getNDManager(), DataType.FLOAT32, net.inputShape(1));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return new Side(spec.name() + " (untrained)", net, model, false);
    }

    /** resnet56-fashion <-> plain56-fashion in the same parent folder. */
    public static Optional<Path> twinFolder(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toString();
        String twin = n.startsWith("resnet") ? "plain" + n.substring(6)
                : n.startsWith("plain") ? "resnet" + n.substring(5) : null;
        if (twin == null) {
            return Optional.empty();
        }
        Path candidate = dir.toAbsolutePath().normalize().resolveSibling(twin);
        return ModelFolder.isModelFolder(candidate) && Files.isDirectory(candidate)
                ? Optional.of(candidate) : Optional.empty();
    }

    public ModelFolder.Loaded resnetModel() {
        return resnet;
    }

    public Side resnet() {
        return new Side(resnetName, resnet.net(), resnet.model(), true);
    }

    public Side plain() {
        return plain;
    }

    @Override
    public void close() {
        try {
            resnet.close();
        } finally {
            plain.model().close();
        }
    }
}
