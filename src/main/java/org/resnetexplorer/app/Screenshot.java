package org.resnetexplorer.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes what the window shows to a PNG, for documentation and for checking the look. */
public final class Screenshot {

    private Screenshot() {
    }

    public static void write(Scene scene, Path file) throws IOException {
        WritableImage image = scene.snapshot(null);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
