package org.resnetexplorer.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The trained models the app ships, under {@code assets/models/}: looked for beside the working
 * folder (a source checkout), then beside the jar and its parents (target/, an app image), or
 * under {@code -Dresnet.assets}.
 */
public final class ShippedModels {

    private ShippedModels() {
    }

    public static List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        String override = System.getProperty("resnet.assets");
        if (override != null) {
            roots.add(Path.of(override, "models"));
        }
        roots.add(Path.of("assets", "models"));
        try {
            Path jar = Path.of(ShippedModels.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                roots.add(p.resolve("assets").resolve("models"));
            }
        } catch (Exception e) {
            // no code source (an unusual class loader): the working folder is enough
        }
        return roots;
    }

    /** Every shipped model folder by name, the first root that has a name winning. */
    public static Map<String, Path> list() {
        Map<String, Path> models = new LinkedHashMap<>();
        for (Path root : roots()) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(root)) {
                dirs.filter(ModelFolder::isModelFolder).sorted().forEach(d ->
                        models.putIfAbsent(d.getFileName().toString(), d));
            } catch (IOException e) {
                // an unreadable root is skipped; the others may still hold models
            }
        }
        return models;
    }

    public static Optional<Path> find(String name) {
        return Optional.ofNullable(list().get(name));
    }
}
