package org.resnetexplorer.app.inside;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.resnetexplorer.engine.ShippedModels;

/**
 * The images shipped in sample-images/, found beside the working folder or beside the shipped
 * models (the same places the app looks for assets/), Fashion-MNIST ones first.
 */
public final class SampleImages {

    private SampleImages() {
    }

    public static List<ImageChoice> list() {
        Path dir = folder();
        return dir == null ? List.of() : list(dir);
    }

    public static List<ImageChoice> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<ImageChoice> all = new ArrayList<>(files.filter(SampleImages::isImage).sorted()
                    .map(ImageChoice::of).toList());
            all.sort((a, b) -> Boolean.compare(b.labelled(), a.labelled()));
            return all;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The fashion-* images only, each with its label: a batch when the data set is absent. */
    public static List<ImageChoice> labelled() {
        return list().stream().filter(ImageChoice::labelled).toList();
    }

    public static Path folder() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("sample-images"));
        for (Path models : ShippedModels.roots()) {
            Path assets = models.getParent();
            if (assets != null && assets.getParent() != null) {
                candidates.add(assets.getParent().resolve("sample-images"));
            }
        }
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".png") || n.endsWith(".jpg")
                || n.endsWith(".jpeg") || n.endsWith(".bmp") || n.endsWith(".gif"));
    }
}
