package org.resnetexplorer.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetexplorer.engine.data.FashionMnist;
import org.resnetexplorer.engine.data.ImageDataset;
import org.resnetexplorer.model.InputShape;

/** Every kind of file a person may drop, good or bad, and what the network is given. */
class ImageFilesTest {

    static final Path IMAGES = Path.of("src/test/resources/images");
    static final Path SAMPLES = Path.of("sample-images");
    static final InputShape FASHION = new InputShape(1, 28, 28);
    static final int DRESS_INDEX = 13; // sample-images/fashion-3-dress-1.png (see SOURCES)
    static ImageDataset test;

    @BeforeAll
    static void readSample() throws Exception {
        test = FashionMnist.test(Path.of("src/test/resources/fashion-mnist-sample"));
    }

    static float[] idxImage(int index) {
        float[] x = new float[28 * 28];
        test.copyImage(index, x, 0);
        return x;
    }

    static PreparedImage prepare(Path file) throws ImageReadException {
        return ImagePreprocessor.prepare(ImageLoader.read(file), FASHION,
                FashionMnist.PREPROCESSING);
    }

    static double meanAbsDiff(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    @Test
    void aFashionMnistImageSavedAsPngReadsBackExactly(@TempDir Path dir) throws Exception {
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                img.getRaster().setSample(c, r, 0, test.pixels()[DRESS_INDEX * 784 + r * 28 + c]
                        & 0xFF);
            }
        }
        Path png = dir.resolve("dress.png");
        ImageIO.write(img, "png", png.toFile());
        PreparedImage p = prepare(png);
        assertFalse(p.inverted());
        assertArrayEquals(idxImage(DRESS_INDEX), p.pixels(), 0f);
    }

    @Test
    void enlargedSampleImagesShrinkBackToTheDataSetPixels() throws Exception {
        assertArrayEquals(idxImage(DRESS_INDEX),
                prepare(SAMPLES.resolve("fashion-3-dress-1.png")).pixels(), 1e-6f);
        assertArrayEquals(idxImage(0),
                prepare(SAMPLES.resolve("fashion-9-ankle-boot-1.png")).pixels(), 1e-6f);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rgb.png, 0.0001",
        "gray16.png, 0.0001",
        "rgb16.png, 0.0001",
        "palette.png, 0.03",
        "alpha.png, 0.01",
        "cmyk.jpg, 0.05",
        "progressive.jpg, 0.03",
        "dress.bmp, 0.0001",
        "dress.tif, 0.0001"})
    void everyFormatGivesTheNetworkTheSameDress(String file, double tolerance) throws Exception {
        PreparedImage p = prepare(IMAGES.resolve(file));
        assertEquals(FASHION, p.shape());
        double diff = meanAbsDiff(idxImage(DRESS_INDEX), p.pixels());
        assertTrue(diff <= tolerance, file + ": mean difference " + diff);
    }

    @Test
    void gifGivesItsFirstFrame() throws Exception {
        PreparedImage p = prepare(IMAGES.resolve("boot-then-dress.gif"));
        assertTrue(meanAbsDiff(idxImage(0), p.pixels()) < 0.03);
    }

    @Test
    void aLightBackgroundIsInvertedForAFashionMnistModel(@TempDir Path dir) throws Exception {
        BufferedImage img = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 60, 40);
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(20, 10, 20, 20);
        g.dispose();
        Path png = dir.resolve("dark-square-on-white.png");
        ImageIO.write(img, "png", png.toFile());
        PreparedImage p = prepare(png);
        assertTrue(p.inverted());
        // a wide image is fitted by its width and padded with (dark) background above and below
        assertEquals(0f, p.pixels()[0]);
        assertEquals(1f, p.pixels()[14 * 28 + 14], 1e-6f);
    }

    @Test
    void tinyAndHugeImagesAreScaledWithBoundedMemory() throws Exception {
        PreparedImage one = prepare(IMAGES.resolve("one-pixel.png"));
        float[] expected = new float[28 * 28];
        assertArrayEquals(expected, one.pixels(), 0f);

        DecodedImage huge = ImageLoader.read(IMAGES.resolve("large-108mp.png"));
        assertEquals(12000, huge.originalWidth());
        assertEquals(9000, huge.originalHeight());
        assertTrue(huge.width() <= ImageLoader.DEFAULT_MAX_SIDE, "decoded " + huge.width());
        PreparedImage p = ImagePreprocessor.prepare(huge, FASHION, FashionMnist.PREPROCESSING);
        assertEquals(1f, p.pixels()[14 * 28 + 14], 1e-6f); // the white rectangle's centre
    }

    static String failure(Path file) {
        return assertThrows(ImageReadException.class, () -> ImageLoader.read(file)).getMessage();
    }

    @Test
    void badFilesGiveOneLineNamingFileAndProblem(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.png"));
        assertEquals("empty.png: the file is empty", failure(empty));

        Path text = Files.writeString(dir.resolve("notes.png"), "these are not pixels");
        assertTrue(failure(text).startsWith("notes.png: not an image in a format this app reads"),
                failure(text));

        Path pdf = Files.writeString(dir.resolve("paper.pdf"), "%PDF-1.4\n%...",
                StandardCharsets.US_ASCII);
        assertTrue(failure(pdf).startsWith("paper.pdf: not an image"), failure(pdf));

        for (String name : new String[] {"rgb.png", "progressive.jpg", "dress.bmp", "dress.tif"}) {
            byte[] full = Files.readAllBytes(IMAGES.resolve(name));
            Path cut = Files.write(dir.resolve("cut-" + name), Arrays.copyOf(full,
                    full.length / 2));
            String msg = failure(cut);
            assertTrue(msg.startsWith("cut-" + name + ": the image is damaged"), msg);
            assertEquals(1, msg.lines().count(), msg);
        }

        byte[] garbage = new byte[4000];
        new java.util.Random(3).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8; // a JPEG start marker, then noise
        Path noise = Files.write(dir.resolve("noise.jpg"), garbage);
        assertTrue(failure(noise).startsWith("noise.jpg: "), failure(noise));

        assertEquals("missing.png: no such file", failure(dir.resolve("missing.png")));
    }
}
