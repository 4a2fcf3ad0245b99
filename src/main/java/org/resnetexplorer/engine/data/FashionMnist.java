package org.resnetexplorer.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.resnetexplorer.engine.Preprocessing;

/**
 * Zalando's Fashion-MNIST (MIT licence): 60 000 training and 10 000 test images, 28x28 grey.
 * Looked for in {@code $FASHION_MNIST_DIR}, then {@code ~/.resnet-explorer/datasets/fashion-mnist},
 * then {@code /usr/share/datasets/fashion-mnist} (Debian's dataset-fashion-mnist); downloaded
 * only when the user asks.
 */
public final class FashionMnist {

    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover",
            "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Per-pixel mean and standard deviation of the training images, on a 0..1 scale. */
    public static final float MEAN = 0.2860f;
    public static final float STD = 0.3530f;

    /** Light clothing on a black background, normalised by the training set's statistics. */
    public static final Preprocessing PREPROCESSING = new Preprocessing(MEAN, STD, true);

    public static final String DOWNLOAD_URL =
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

    private static final String[] FILES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    private FashionMnist() {
    }

    /** Where a user-requested download goes, and the second place looked in. */
    public static Path userDirectory() {
        return Path.of(System.getProperty("user.home"), ".resnet-explorer", "datasets",
                "fashion-mnist");
    }

    public static List<Path> searchPath() {
        List<Path> dirs = new ArrayList<>();
        String env = System.getenv("FASHION_MNIST_DIR");
        if (env != null && !env.isBlank()) {
            dirs.add(Path.of(env));
        }
        dirs.add(userDirectory());
        dirs.add(Path.of("/usr/share/datasets/fashion-mnist"));
        return dirs;
    }

    /** The first folder of the search path that holds all four files. */
    public static Path locate() throws DatasetNotFoundException {
        for (Path dir : searchPath()) {
            if (isComplete(dir)) {
                return dir;
            }
        }
        throw new DatasetNotFoundException("Fashion-MNIST was not found. Get it one of three"
                + " ways: install Debian's package (sudo apt-get install dataset-fashion-mnist),"
                + " set FASHION_MNIST_DIR to a folder with its four IDX files, or download it"
                + " into " + userDirectory() + " (the Download button, or"
                + " 'resnet-explorer download fashion-mnist').");
    }

    public static boolean isComplete(Path dir) {
        for (String f : FILES) {
            if (find(dir, f) == null) {
                return false;
            }
        }
        return true;
    }

    public static ImageDataset train(Path dir) throws IOException {
        return read(dir, "train", FILES[0], FILES[1]);
    }

    public static ImageDataset test(Path dir) throws IOException {
        return read(dir, "test", FILES[2], FILES[3]);
    }

    private static ImageDataset read(Path dir, String part, String images, String labels)
            throws IOException {
        Path imageFile = find(dir, images);
        Path labelFile = find(dir, labels);
        if (imageFile == null || labelFile == null) {
            throw new IOException("Fashion-MNIST " + part + " files are missing in " + dir);
        }
        int[] dims = new int[3];
        byte[] pixels = IdxReader.readImages(imageFile, dims);
        int[] y = IdxReader.readLabels(labelFile);
        if (y.length != dims[0]) {
            throw new IOException("Fashion-MNIST " + part + " in " + dir + " has " + dims[0]
                    + " images but " + y.length + " labels");
        }
        return new ImageDataset("fashion-mnist-" + part, 1, dims[1], dims[2], pixels, y, CLASSES);
    }

    private static Path find(Path dir, String base) {
        for (String name : new String[] {base + ".gz", base}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Downloads the four files from the data set's official address into {@code target}.
     *
     * @param progress receives 0..1 as the files arrive
     */
    public static void download(Path target, DoubleConsumer progress)
            throws IOException, InterruptedException {
        Files.createDirectories(target);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        for (int i = 0; i < FILES.length; i++) {
            String name = FILES[i] + ".gz";
            HttpRequest request = HttpRequest.newBuilder(URI.create(DOWNLOAD_URL + name)).build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new IOException("Cannot download Fashion-MNIST from " + DOWNLOAD_URL
                        + ": this computer seems to be offline (" + (e.getMessage() == null
                                ? e.getClass().getSimpleName() : e.getMessage()) + "). Install"
                        + " Debian's dataset-fashion-mnist, or copy its four files into "
                        + target + ", instead.", e);
            }
            if (response.statusCode() != 200) {
                throw new IOException("Downloading " + name + " failed: HTTP "
                        + response.statusCode());
            }
            Path tmp = target.resolve(name + ".part");
            try (InputStream in = response.body()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            progress.accept((i + 1) / (double) FILES.length);
        }
    }
}
