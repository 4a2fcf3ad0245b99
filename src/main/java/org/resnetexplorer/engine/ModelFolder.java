package org.resnetexplorer.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.resnetexplorer.engine.train.MetricsCsv;
import org.resnetexplorer.engine.train.MetricsRow;
import org.resnetexplorer.engine.train.TrainingRecipe;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.SpecFormatException;
import org.resnetexplorer.model.SpecJson;

/**
 * A trained model on disk: {@code spec.resnet.json}, DJL's {@code resnet-0000.params},
 * {@code labels.txt}, {@code metrics.csv} and {@code model.properties}.
 */
public final class ModelFolder {

    public static final String SPEC = "spec" + SpecJson.EXTENSION;
    public static final String PREFIX = "resnet";
    public static final String PARAMS = PREFIX + "-0000.params";

    private ModelFolder() {
    }

    /** What the folder says about how the model was made, beside the weights themselves. */
    public record Info(String dataset, int epochsDone, double accuracy,
            Preprocessing preprocessing, TrainingRecipe recipe, List<MetricsRow> history) {
    }

    /** A loaded model, ready for inference; close it to free its native memory. */
    public record Loaded(Model model, SpecNetwork net, List<String> labels, Info info,
            Properties properties) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    public static boolean isModelFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(SPEC)) && Files.isRegularFile(dir.resolve(PARAMS));
    }

    /** Writes every file to a temporary folder first, so an interrupted save loses nothing. */
    public static void save(Model model, SpecNetwork net, Path dir, List<String> labels, Info info)
            throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, ".saving-");
        try {
            model.setProperty("Epoch", "0");
            model.save(tmp, PREFIX);
            SpecJson.write(net.spec(), tmp.resolve(SPEC));
            Files.write(tmp.resolve("labels.txt"), labels, StandardCharsets.UTF_8);
            MetricsCsv.write(tmp.resolve("metrics.csv"), info.history());
            Properties p = new Properties();
            p.setProperty("engine", model.getNDManager().getEngine().getEngineName());
            p.setProperty("dataset", info.dataset());
            p.setProperty("epochs", Integer.toString(info.epochsDone()));
            p.setProperty("accuracy", String.format(Locale.ROOT, "%.4f", info.accuracy()));
            p.setProperty("date", LocalDate.now().toString());
            p.setProperty("name", net.spec().name());
            info.preprocessing().store(p);
            if (info.recipe() != null) {
                info.recipe().store(p);
            }
            try (Writer w = Files.newBufferedWriter(tmp.resolve("model.properties"))) {
                p.store(w, "ResNet Explorer model");
            }
            // the weights last: a folder is taken for a model once they are there
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path f : files.sorted(Comparator.comparing(
                        (Path f) -> f.getFileName().toString().equals(PARAMS))).toList()) {
                    Files.move(f, dir.resolve(f.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } finally {
            deleteTree(tmp);
        }
    }

    /** Loads a model folder for inference. */
    public static Loaded load(Path dir, Engine engine, Device device)
            throws IOException, MalformedModelException, SpecFormatException {
        NetworkSpec spec = readSpec(dir);
        SpecNetwork net = SpecNetwork.of(spec);
        Model model = Model.newInstance(spec.name(), device, engine.getEngineName());
        try {
            model.setBlock(net);
            Info info = loadInto(model, net, dir);
            List<String> labels = readLabels(dir, spec.numClasses());
            return new Loaded(model, net, labels, info, readProperties(dir));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public static NetworkSpec readSpec(Path dir) throws IOException, SpecFormatException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a model folder (no such folder)");
        }
        Path specFile = dir.resolve(SPEC);
        if (!Files.isRegularFile(specFile)) {
            throw new IOException(dir + " is not a model folder: " + SPEC + " is missing");
        }
        return SpecJson.read(specFile);
    }

    /**
     * Loads the weights of {@code dir} into the model's block (built from the same spec), and
     * returns the folder's history so that training can go on from it.
     */
    public static Info loadInto(Model model, SpecNetwork net, Path dir)
            throws IOException, MalformedModelException {
        if (!Files.isRegularFile(dir.resolve(PARAMS))) {
            throw new IOException(dir + " has no weights (" + PARAMS + " is missing)");
        }
        // initialised first so that each loaded layer can be checked against its expected shape
        net.initialize(model.getNDManager(), DataType.FLOAT32, net.inputShape(1));
        model.load(dir, PREFIX);
        Properties p = readProperties(dir);
        Path metrics = dir.resolve("metrics.csv");
        List<MetricsRow> history = Files.isRegularFile(metrics) ? MetricsCsv.read(metrics)
                : List.of();
        Preprocessing pp;
        try {
            pp = Preprocessing.from(p);
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve("model.properties") + ": the input normalisation"
                    + " cannot be read (" + e.getMessage() + "): fix or remove those lines", e);
        }
        int channels = net.spec().input().channels();
        if (pp.mean().length != 1 && pp.mean().length != channels) {
            throw new IOException(dir.resolve("model.properties") + " gives "
                    + pp.mean().length + " channel means for a network with " + channels
                    + " input channels: fix input.mean and input.std");
        }
        try {
            return new Info(p.getProperty("dataset", "unknown"),
                    Integer.parseInt(p.getProperty("epochs", "0").trim()),
                    Double.parseDouble(p.getProperty("accuracy", "NaN").trim()),
                    pp, null, history);
        } catch (NumberFormatException e) {
            throw new IOException(dir.resolve("model.properties") + " has a value that is not a"
                    + " number (" + e.getMessage() + "): fix or remove the line", e);
        }
    }

    public static Properties readProperties(Path dir) throws IOException {
        Properties p = new Properties();
        Path file = dir.resolve("model.properties");
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
        }
        return p;
    }

    private static List<String> readLabels(Path dir, int classes) throws IOException {
        Path file = dir.resolve("labels.txt");
        if (!Files.isRegularFile(file)) {
            return java.util.stream.IntStream.range(0, classes).mapToObj(i -> "class " + i)
                    .toList();
        }
        List<String> labels = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(s -> !s.isBlank()).toList();
        if (labels.size() != classes) {
            throw new IOException(dir.resolve("labels.txt") + " lists " + labels.size()
                    + " labels but the network has " + classes + " classes");
        }
        return labels;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
