package org.resnetexplorer.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Models the user added to this computer, such as the downloaded ImageNet ResNets: model
 * folders under {@code ~/.resnet-explorer/models}, or under {@code -Dresnet.models}.
 */
public final class UserModels {

    private UserModels() {
    }

    public static Path root() {
        String override = System.getProperty("resnet.models");
        return override != null ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".resnet-explorer", "models");
    }

    /** Every model folder under the root, by name. */
    public static Map<String, Path> list() {
        Map<String, Path> models = new LinkedHashMap<>();
        Path root = root();
        if (!Files.isDirectory(root)) {
            return models;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(ModelFolder::isModelFolder).sorted()
                    .forEach(d -> models.put(d.getFileName().toString(), d));
        } catch (IOException e) {
            // an unreadable folder offers no models; the shipped ones remain
        }
        return models;
    }
}
