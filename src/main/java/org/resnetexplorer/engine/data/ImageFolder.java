package org.resnetexplorer.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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
 * Each image is decoded and fitted to the network's input as classification fits it (whole and
 * padded for a model trained here, centre-cropped for an ImageNet model).
 */
public final class ImageFolder {

    /** Every n-th image of a class is a test image when the folder has no test split. */
    static final int TEST_EVERY = 10;

    /** Images are fitted whole on their own background, as for training here. */
    public static final Preprocessing FIT_WHOLE = Preprocessing.NONE;

    private ImageFolder() {
    }

    /**
     * The training and test images, and notes for the user: files that could not be read,
     * classes too small to hold an image out.
     */
    public record Split(ImageDataset train, ImageDataset test, List<String> notes) {
    }

    /** True when {@code dir} looks like an image folder rather than Fashion-MNIST's IDX files. */
    public static boolean looksLikeOne(Path dir) throws IOException {
        Path root = Files.isDirectory(dir.resolve("train")) ? dir.resolve("train") : dir;
        return Files.isDirectory(dir) && classes(root).size() >= 2;
    }

    /** Training and test images, fitted whole. */
    public static Split load(Path dir, InputShape shape) throws IOException,
            DatasetNotFoundException {
        return load(dir, shape, FIT_WHOLE, false);
    }

    /**
     * @param fitting how a model wants images fitted (only its background and crop are used;
     *     the values stay raw 0..1)
     * @param testOnly read only the test images (for evaluating a model); the training part of
     *     the result is then empty
     */
    public static Split load(Path dir, InputShape shape, Preprocessing fitting, boolean testOnly)
            throws IOException, DatasetNotFoundException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetNotFoundException(dir + " is not a folder");
        }
        Preprocessing fit = new Preprocessing(new float[] {0f}, new float[] {1f},
                fitting.darkBackground(), fitting.centerCrop());
        String name = "images-" + dir.getFileName();
        List<String> notes = new ArrayList<>();
        Path trainRoot = dir.resolve("train");
        if (Files.isDirectory(trainRoot)) {
            List<String> classes = requireClasses(trainRoot);
            Path testRoot = Files.isDirectory(dir.resolve("test")) ? dir.resolve("test")
                    : dir.resolve("val");
            if (!Files.isDirectory(testRoot)) {
                throw new DatasetNotFoundException(dir + " has train/ but no test/ or val/"
                        + " folder: add one, or put the class folders directly in " + dir);
            }
            ImageDataset test = read(name + "-test", testRoot, classes, shape, fit, -1, true,
                    notes);
            ImageDataset train = testOnly ? empty(name + "-train", shape, classes)
                    : read(name + "-train", trainRoot, classes, shape, fit, -1, false, notes);
            return new Split(train, test, notes);
        }
        List<String> classes = requireClasses(dir);
        ImageDataset test = read(name + "-test", dir, classes, shape, fit, TEST_EVERY, true,
                notes);
        ImageDataset train = testOnly ? empty(name + "-train", shape, classes)
                : read(name + "-train", dir, classes, shape, fit, TEST_EVERY, false, notes);
        return new Split(train, test, notes);
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

    private static ImageDataset empty(String name, InputShape shape, List<String> classes) {
        return new ImageDataset(name, shape.channels(), shape.height(), shape.width(),
                new byte[0], new int[0], classes);
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

    /** The files of each class that belong to this part, in name order. */
    private static List<List<Path>> files(Path root, List<String> classes, int every,
            boolean testPart) throws IOException {
        List<List<Path>> perClass = new ArrayList<>();
        for (String c : classes) {
            Path dir = root.resolve(c);
            List<Path> kept = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                List<Path> all;
                try (Stream<Path> list = Files.list(dir)) {
                    all = list.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith(".")).sorted()
                            .toList();
                }
                for (int k = 0; k < all.size(); k++) {
                    if (every <= 0 || (k % every == every - 1) == testPart) {
                        kept.add(all.get(k));
                    }
                }
            }
            perClass.add(kept);
        }
        return perClass;
    }

    /**
     * Decodes one part into a single byte array of known size (refused up front when it would
     * not fit in memory), then shuffles the images in place.
     *
     * @param every with {@code testPart}: keep only every n-th file of a class (true) or all
     *     others (false); -1 keeps all
     */
    private static ImageDataset read(String name, Path root, List<String> classes,
            InputShape shape, Preprocessing fit, int every, boolean testPart, List<String> notes)
            throws IOException, DatasetNotFoundException {
        List<List<Path>> perClass = files(root, classes, every, testPart);
        int count = perClass.stream().mapToInt(List::size).sum();
        int size = shape.channels() * shape.height() * shape.width();
        long bytes = (long) count * size;
        long budget = Math.min(Integer.MAX_VALUE - 16L, Runtime.getRuntime().maxMemory() / 3);
        if (bytes > budget) {
            throw new DatasetNotFoundException(String.format(Locale.ROOT, "%s: %d images of %s"
                    + " need %d MB, more than this app can hold (%d MB): use fewer images, a"
                    + " network with a smaller input, or give Java more memory (-Xmx)", root,
                    count, shape, bytes >> 20, budget >> 20));
        }
        byte[] pixels = new byte[(int) bytes];
        int[] labels = new int[count];
        int n = 0;
        for (int label = 0; label < classes.size(); label++) {
            if (every > 0 && testPart && perClass.get(label).isEmpty()) {
                notes.add("class '" + classes.get(label) + "' has fewer than " + every
                        + " images: none is held out to test it");
            }
            for (Path file : perClass.get(label)) {
                DecodedImage image;
                try {
                    image = ImageLoader.read(file, 4 * Math.max(shape.height(), shape.width()));
                } catch (ImageReadException e) {
                    notes.add(e.getMessage());
                    continue;
                }
                float[] v = ImagePreprocessor.prepare(image, shape, fit).pixels();
                int base = n * size;
                for (int i = 0; i < size; i++) {
                    pixels[base + i] = (byte) Math.round(Math.max(0, Math.min(1, v[i])) * 255);
                }
                labels[n++] = label;
            }
        }
        if (n == 0) {
            throw new DatasetNotFoundException(root + " has no readable images for "
                    + (testPart ? "testing" : "training")
                    + (every > 0 && testPart ? ": each class needs at least " + every
                            + " images" : ""));
        }
        if (n < count) {
            pixels = Arrays.copyOf(pixels, n * size);
            labels = Arrays.copyOf(labels, n);
        }
        shuffle(pixels, labels, size);
        return new ImageDataset(name, shape.channels(), shape.height(), shape.width(), pixels,
                labels, classes);
    }

    /**
     * A fixed random order: read class by class, the first test images would all be of the
     * first class, and the training history measures test error on the first ones.
     */
    private static void shuffle(byte[] pixels, int[] labels, int size) {
        Random random = new Random(42);
        byte[] tmp = new byte[size];
        for (int i = labels.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            if (i == j) {
                continue;
            }
            System.arraycopy(pixels, i * size, tmp, 0, size);
            System.arraycopy(pixels, j * size, pixels, i * size, size);
            System.arraycopy(tmp, 0, pixels, j * size, size);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
    }
}
