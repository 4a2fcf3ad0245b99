package org.resnetexplorer.engine.zoo;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.resnetexplorer.engine.ModelFolder;
import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.engine.SpecNetwork;
import org.resnetexplorer.model.LayerInfo;
import org.resnetexplorer.model.NetworkSpec;

/**
 * Turns the parameter file of a Gluon {@code resnetN_v1} (as DJL's MXNet model zoo serves it)
 * into one of our model folders, so that an ImageNet ResNet works in every view like a model
 * trained here. Gluon numbers its layers per stage in the order they were created (body, then
 * the projection shortcut), which is the order of our own layer list; each weight is checked
 * against our shape. Gluon's bottleneck 1x1 convolutions carry a bias that ours do not: it is
 * folded into the batch norm that follows (BN(Wx + b) = BN'(Wx) with the running mean less b).
 */
public final class GluonImport {

    /**
     * The engine a conversion needs whatever engine runs the result: the zoo's files are
     * MXNet's NDArray lists, which only MXNet reads (the folder written is engine-neutral).
     */
    public static final String ENGINE = "MXNet";

    /** "arg:resnetv10_stage2_conv3_weight" -> stage2, conv, 3, weight. */
    private static final Pattern NAME = Pattern.compile(
            "^(?:arg:|aux:)?resnet[A-Za-z0-9]*_(?:(stage\\d+)_)?(conv|batchnorm|dense)(\\d+)_"
                    + "(weight|bias|gamma|beta|running_mean|running_var)$");

    private GluonImport() {
    }

    /**
     * Converts the zoo's files in {@code source} (a {@code *.params} file and {@code synset.txt})
     * into a model folder at {@code target} (written to a temporary folder first, then moved in;
     * the weights last, so that a half-moved folder is not taken for a model).
     */
    public static void convert(Path source, ZooResNet which, Engine engine, Path target)
            throws IOException {
        Path params = findParams(source);
        List<String> labels = readSynset(source.resolve("synset.txt"));
        NetworkSpec spec = which.spec();
        SpecNetwork net = SpecNetwork.of(spec);
        try (Model model = Model.newInstance(spec.name(), Device.cpu(), engine.getEngineName())) {
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, net.inputShape(1));
            NDList gluon;
            try {
                gluon = model.getNDManager().load(params);
            } catch (RuntimeException e) {
                throw new ImportException(params + " is not an MXNet parameter file ("
                        + e.getMessage() + "): download it again", e);
            }
            copyWeights(index(gluon, params), net, which);
            ModelFolder.save(model, net, target, labels, new ModelFolder.Info("imagenet", 0,
                    Double.NaN, Preprocessing.IMAGENET, null, List.of()));
        }
    }

    private static Path findParams(Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new ImportException(source + " is not a folder with a downloaded model");
        }
        try (Stream<Path> files = Files.list(source)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".params")).findFirst()
                    .orElseThrow(() -> new ImportException(source + " holds no *.params file:"
                            + " download the model again"));
        }
    }

    /** ImageNet's class names: "n01440764 tench, Tinca tinca" becomes "tench". */
    static List<String> readSynset(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file + " is missing: the class names come with the"
                    + " download; download the model again");
        }
        List<String> labels = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = line.trim();
            if (s.isEmpty()) {
                continue;
            }
            int space = s.indexOf(' ');
            String names = space > 0 && s.charAt(0) == 'n' ? s.substring(space + 1) : s;
            int comma = names.indexOf(',');
            labels.add((comma > 0 ? names.substring(0, comma) : names).trim());
        }
        if (labels.size() != 1000) {
            throw new ImportException(file + " lists " + labels.size() + " classes, not"
                    + " ImageNet's 1000");
        }
        return labels;
    }

    /** Gluon's arrays by "stage2_conv3_weight" (stem and head without a stage). */
    private static Map<String, NDArray> index(NDList arrays, Path file) throws ImportException {
        Map<String, NDArray> byKey = new TreeMap<>();
        for (NDArray a : arrays) {
            Matcher m = NAME.matcher(a.getName() == null ? "" : a.getName());
            if (!m.matches()) {
                throw new ImportException(file.getFileName() + " holds '" + a.getName()
                        + "', which no Gluon ResNet v1 has: it is some other network");
            }
            String stage = m.group(1) == null ? "" : m.group(1) + "_";
            byKey.put(stage + m.group(2) + m.group(3) + "_" + m.group(4), a);
        }
        return byKey;
    }

    private static void copyWeights(Map<String, NDArray> gluon, SpecNetwork net, ZooResNet which)
            throws ImportException {
        Map<String, Integer> counters = new HashMap<>();
        Map<String, NDArray> convBias = new HashMap<>();
        for (LayerInfo layer : net.analysis().layers()) {
            String kind = switch (layer.type()) {
                case "conv" -> "conv";
                case "batchnorm" -> "batchnorm";
                case "fc" -> "dense";
                default -> null;
            };
            if (kind == null) {
                continue;
            }
            String group = layer.name().startsWith("stage")
                    ? layer.name().substring(0, layer.name().indexOf('.')) + "_" : "";
            int n = counters.merge(group + kind, 1, Integer::sum) - 1;
            String prefix = group + kind + n + "_";
            Block block = net.layerBlock(layer.name());
            switch (kind) {
                case "conv" -> {
                    put(block, "weight", take(gluon, prefix + "weight", layer, which), layer);
                    NDArray bias = gluon.remove(prefix + "bias");
                    if (bias != null) {
                        convBias.put(group + "batchnorm" + n, bias);
                    }
                }
                case "batchnorm" -> {
                    put(block, "gamma", take(gluon, prefix + "gamma", layer, which), layer);
                    put(block, "beta", take(gluon, prefix + "beta", layer, which), layer);
                    NDArray mean = take(gluon, prefix + "running_mean", layer, which);
                    NDArray bias = convBias.remove(group + "batchnorm" + n);
                    put(block, "runningMean", bias == null ? mean : mean.sub(bias), layer);
                    put(block, "runningVar", take(gluon, prefix + "running_var", layer, which),
                            layer);
                }
                default -> {
                    put(block, "weight", take(gluon, prefix + "weight", layer, which), layer);
                    put(block, "bias", take(gluon, prefix + "bias", layer, which), layer);
                }
            }
        }
        if (!gluon.isEmpty()) {
            throw new ImportException("the file holds weights that " + which.artifact()
                    + " does not have (first: " + gluon.keySet().iterator().next() + "): it is"
                    + " a different network");
        }
    }

    private static NDArray take(Map<String, NDArray> gluon, String key, LayerInfo layer,
            ZooResNet which) throws ImportException {
        NDArray a = gluon.remove(key);
        if (a == null) {
            throw new ImportException("the file has no weights for " + layer.name() + " (Gluon's"
                    + " " + key + "): it is not " + which.artifact());
        }
        return a;
    }

    private static void put(Block block, String name, NDArray value, LayerInfo layer)
            throws ImportException {
        Parameter p = block.getParameters().get(name);
        NDArray target = p.getArray();
        if (!target.getShape().equals(value.getShape())) {
            throw new ImportException(layer.name() + " expects " + name + " of shape "
                    + target.getShape() + " but the file has " + value.getShape()
                    + ": the file is not this network");
        }
        value.copyTo(target);
    }
}
