package org.resnetexplorer.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.model.InputShape;

/** A folder of the user's own images, one subfolder per class, becomes a data set. */
public class ImageFolderTest {

    @TempDir
    Path tmp;

    /** {@code n} images of each colour, 48x40 with a random lighter square, as PNG files. */
    public static Path colours(Path root, int n, String... names) throws IOException {
        Random random = new Random(1);
        for (String name : names) {
            Path dir = Files.createDirectories(root.resolve(name));
            Color base = switch (name) {
                case "red" -> new Color(200, 30, 30);
                case "blue" -> new Color(30, 40, 210);
                default -> new Color(40, 170, 40);
            };
            for (int i = 0; i < n; i++) {
                BufferedImage img = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(base);
                g.fillRect(0, 0, 48, 40);
                g.setColor(base.brighter());
                g.fillRect(random.nextInt(30), random.nextInt(25), 12, 12);
                g.dispose();
                ImageIO.write(img, "png", dir.resolve(String.format("%s-%03d.png", name, i))
                        .toFile());
            }
        }
        return root;
    }

    @Test
    void classFoldersGiveLabelsAndEveryTenthImageIsHeldOut() throws Exception {
        Path root = colours(tmp.resolve("colours"), 20, "red", "blue");
        Files.writeString(root.resolve("red").resolve("notes.txt"), "not a picture");
        assertTrue(ImageFolder.looksLikeOne(root));
        ImageFolder.Split split = ImageFolder.load(root, new InputShape(3, 32, 32));
        assertEquals(List.of("blue", "red"), split.train().classes());
        assertEquals(4, split.test().size(), "every tenth file of each class");
        assertEquals(36, split.train().size(), "18 of each; the text file is skipped");
        assertEquals(1, split.notes().size());
        assertTrue(split.notes().get(0).contains("notes.txt"), split.notes().get(0));
        assertEquals(3 * 32 * 32, split.train().imageSize());
        // red images are red where the network looks
        int i = 0;
        while (split.train().labels()[i] != 1) {
            i++;
        }
        float[] px = new float[3 * 32 * 32];
        split.train().copyImage(i, px, 0);
        assertTrue(px[16 * 32 + 2] > 0.7f && px[32 * 32 + 16 * 32 + 2] < 0.2f);

    }

    @Test
    void theNormalisationIsEachChannelsOwn() throws Exception {
        Path root = tmp.resolve("solid");
        for (String name : List.of("red", "blue")) {
            Path dir = Files.createDirectories(root.resolve(name));
            for (int i = 0; i < 10; i++) {
                BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(name.equals("red") ? Color.RED : Color.BLUE);
                g.fillRect(0, 0, 8, 8);
                g.dispose();
                ImageIO.write(img, "png", dir.resolve(name + i + ".png").toFile());
            }
        }
        ImageFolder.Split split = ImageFolder.load(root, new InputShape(3, 8, 8));
        Preprocessing pp = ImageFolder.preprocessing(split.train());
        // half the images are pure red, half pure blue, none has any green
        assertEquals(0.5f, pp.mean()[0], 1e-6);
        assertEquals(0f, pp.mean()[1], 1e-6);
        assertEquals(0.5f, pp.mean()[2], 1e-6);
        assertEquals(0.5f, pp.std()[0], 1e-6);
        assertEquals(0.5f, pp.std()[2], 1e-6);
    }

    @Test
    void trainAndTestFoldersAreUsedAsTheyAre() throws Exception {
        colours(tmp.resolve("set/train"), 6, "red", "blue", "green");
        colours(tmp.resolve("set/test"), 2, "red", "blue", "green");
        ImageFolder.Split split = ImageFolder.load(tmp.resolve("set"), new InputShape(1, 28, 28));
        assertEquals(18, split.train().size());
        assertEquals(6, split.test().size());
        assertEquals(List.of("blue", "green", "red"), split.test().classes());
        assertEquals(28 * 28, split.test().imageSize());
    }

    @Test
    void aFolderWithoutClassesSaysWhatItNeeds() throws Exception {
        colours(tmp.resolve("one"), 12, "red");
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> ImageFolder.load(tmp.resolve("one"), new InputShape(3, 32, 32)));
        assertTrue(e.getMessage().contains("one subfolder of images per class, at least two"),
                e.getMessage());
        colours(tmp.resolve("few"), 3, "red", "blue");
        e = assertThrows(DatasetNotFoundException.class,
                () -> ImageFolder.load(tmp.resolve("few"), new InputShape(3, 32, 32)));
        assertTrue(e.getMessage().contains("each class needs at least 10 images"),
                e.getMessage());
        colours(tmp.resolve("uneven"), 12, "red", "blue");
        colours(tmp.resolve("uneven"), 4, "green");
        ImageFolder.Split split = ImageFolder.load(tmp.resolve("uneven"),
                new InputShape(3, 16, 16));
        assertTrue(split.notes().contains("class 'green' has fewer than 10 images: none is held"
                + " out to test it"), split.notes().toString());
    }

    @Test
    void aTestFolderIsReadAsAModelFitsImagesAndItsClassesMatchedByName() throws Exception {
        Path root = colours(tmp.resolve("eval"), 10, "red", "blue");
        ImageFolder.Split split = ImageFolder.load(root, new InputShape(3, 16, 16),
                Preprocessing.IMAGENET, true);
        assertEquals(0, split.train().size(), "only the test part is read");
        assertEquals(2, split.test().size());
        ImageDataset relabelled = split.test().relabelled(List.of("green", "Red", "BLUE"));
        assertEquals(List.of("green", "Red", "BLUE"), relabelled.classes());
        for (int i = 0; i < 2; i++) {
            assertEquals(split.test().labels()[i] == 0 ? 2 : 1, relabelled.labels()[i]);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> split.test().relabelled(List.of("cat", "dog")));
        assertTrue(e.getMessage().startsWith("the images' class 'blue' is not one of the"
                + " model's 2 classes (cat, dog)"), e.getMessage());
    }
}
