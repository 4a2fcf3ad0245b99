package org.resnetexplorer.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.engine.image.DecodedImage;
import org.resnetexplorer.engine.image.ImageLoader;
import org.resnetexplorer.engine.image.ImagePreprocessor;
import org.resnetexplorer.engine.image.ImageReadException;
import org.resnetexplorer.model.InputShape;

/**
 * A data set of the user's own images, one subfolder per class (the ImageFolder convention):
 * either {@code DIR/train/<class>/...} with {@code DIR/test/<class>/...} (or {@code val/}), or
 * {@code DIR/<class>/...}, of which every tenth image of each class is held out for testing.
 * Each image is decoded and fitted whole to the network's input size, as classification does.
 */
public final class ImageFolder {

    /** Every n-th image of a class is a test image when the folder has no test split. */
    static final int TEST_EVERY = 10;

    private static final Preprocessing RAW = Preprocessing.NONE;

    private ImageFolder() {
    }

    /** The training and test images, the classes, and the files that could not be read. */
    public record Split(ImageDataset train, ImageDataset test, List<String> skipped) {
    }

    /** True when {@code dir} looks like an image folder rather than Fashion-MNIST's IDX files. */
    public static boolean looksLikeOne(Path dir) throws IOException {
        Path root = Files.isDirectory(dir.resolve("train")) ? dir.resolve("train") : dir;
        return Files.isDirectory(dir) && classes(root).size() >= 2;
    }

    public static Split load(Path dir, InputShape shape) throws IOException,
            DatasetNotFoundException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetNotFoundException(dir + " is not a folder");
        }
        String name = "images-" + dir.getFileName();
        List<String> skipped = new ArrayList<>();
        Path trainRoot = dir.resolve("train");
        if (Files.isDirectory(trainRoot)) {
            List<String> classes = requireClasses(trainRoot);
            Path testRoot = Files.isDirectory(dir.resolve("test")) ? dir.resolve("test")
                    : dir.resolve("val");
            if (!Files.isDirectory(testRoot)) {
                throw new DatasetNotFoundException(dir + " has train/ but no test/ or val/"
                        + " folder: add one, or put the class folders directly in " + dir);
            }
            return new Split(read(name + "-train", trainRoot, classes, shape, skipped, -1, false),
                    read(name + "-test", testRoot, classes, shape, skipped, -1, false), skipped);
        }
        List<String> classes = requireClasses(dir);
        return new Split(read(name + "-train", dir, classes, shape, skipped, TEST_EVERY, false),
                read(name + "-test", dir, classes, shape, new ArrayList<>(), TEST_EVERY, true),
                skipped);
    }

    /**
     * Channel means and standard deviations of the training images, so that the network sees
     * inputs of mean 0 and standard deviation 1 as it did for Fashion-MNIST.
     */
    public static Preprocessing preprocessing(ImageDataset train) {
        int c = train.channels();
        int plane = train.height() * train.width();
        double[] sum = new double[c];
        double[] sq = new double[c];
        byte[] px = train.pixels();
        for (int i = 0; i < px.length; i++) {
            int ch = i / plane % c;
            double v = (px[i] & 0xFF) / 255.0;
            sum[ch] += v;
            sq[ch] += v * v;
        }
        long n = (long) train.size() * plane;
        float[] mean = new float[c];
        float[] std = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double m = sum[ch] / n;
            mean[ch] = (float) m;
            std[ch] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, sq[ch] / n - m * m)));
        }
        return new Preprocessing(mean, std, false, false);
    }

    private static List<String> requireClasses(Path root) throws IOException,
            DatasetNotFoundException {
        List<String> classes = classes(root);
        if (classes.size() < 2) {
            throw new DatasetNotFoundException(root + " needs one subfolder of images per class,"
                    + " at least two (found " + classes.size() + ")");
        }
        return classes;
    }

    private static List<String> classes(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).filter(ImageFolder::hasFiles)
                    .map(d -> d.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList();
        }
    }

    private static boolean hasFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param every with {@code testPart}: keep only every n-th file of a class (true) or all
     *     others (false); -1 keeps all
     */
    private static ImageDataset read(String name, Path root, List<String> classes,
            InputShape shape, List<String> skipped, int every, boolean testPart)
            throws IOException, DatasetNotFoundException {
        int size = shape.channels() * shape.height() * shape.width();
        java.io.ByteArrayOutputStream pixels = new java.io.ByteArrayOutputStream();
        List<Integer> labels = new ArrayList<>();
        byte[] one = new byte[size];
        for (int label = 0; label < classes.size(); label++) {
            Path dir = root.resolve(classes.get(label));
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith(".")).sorted()
                        .toList();
            }
            for (int k = 0; k < files.size(); k++) {
                if (every > 0 && (k % every == every - 1) != testPart) {
                    continue;
                }
                DecodedImage image;
                try {
                    image = ImageLoader.read(files.get(k), 4 * Math.max(shape.height(),
                            shape.width()));
                } catch (ImageReadException e) {
                    skipped.add(e.getMessage());
                    continue;
                }
                float[] v = ImagePreprocessor.prepare(image, shape, RAW).pixels();
                for (int i = 0; i < size; i++) {
                    one[i] = (byte) Math.round(Math.max(0, Math.min(1, v[i])) * 255);
                }
                pixels.write(one, 0, size);
                labels.add(label);
            }
        }
        if (labels.isEmpty()) {
            throw new DatasetNotFoundException(root + " has no readable images for "
                    + (testPart ? "testing" : name.endsWith("-test") ? "testing" : "training")
                    + (every > 0 ? ": each class needs at least " + every + " images" : ""));
        }
        return shuffled(new ImageDataset(name, shape.channels(), shape.height(),
                shape.width(), pixels.toByteArray(),
                labels.stream().mapToInt(Integer::intValue).toArray(), classes));
    }

    /**
     * The images in a fixed random order: read class by class, the first test images would all
     * be of the first class, and the training history measures test error on the first ones.
     */
    private static ImageDataset shuffled(ImageDataset d) {
        int n = d.size();
        int size = d.imageSize();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Random random = new java.util.Random(42);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        byte[] px = new byte[d.pixels().length];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(d.pixels(), order[i] * size, px, i * size, size);
            labels[i] = d.labels()[order[i]];
        }
        return new ImageDataset(d.name(), d.channels(), d.height(), d.width(), px, labels,
                d.classes());
    }
}
