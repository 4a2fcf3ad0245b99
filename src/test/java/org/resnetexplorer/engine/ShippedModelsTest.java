package org.resnetexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.data.FashionMnist;
import org.resnetexplorer.engine.data.ImageDataset;

/** The trained ResNet-20 that ships in assets/models/ does what a teacher relies on. */
public class ShippedModelsTest {

    /**
     * Sample images the shipped model gets wrong, with what it says instead. The second ankle
     * boot (test image 23) is a low, open, strapped shoe: a person could call it a sandal too.
     */
    public static final Map<String, String> EXPECTED_MISSES =
            Map.of("fashion-9-ankle-boot-2.png", "Sandal");

    static Classifier classifier;
    static ImageDataset test;

    @BeforeAll
    static void load() throws Exception {
        classifier = Classifier.open(ShippedModels.find("resnet20-fashion").orElseThrow(),
                Engines.get(null), Device.cpu());
        test = FashionMnist.test(Path.of("src/test/resources/fashion-mnist-sample"));
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void itReachedTheAccuracyItPromises() throws Exception {
        var props = ModelFolder.readProperties(ShippedModels.find("resnet20-fashion")
                .orElseThrow());
        assertTrue(Double.parseDouble(props.getProperty("accuracy")) >= 0.92,
                "test accuracy on all 10 000 images: " + props.getProperty("accuracy"));
        Evaluation ev = new BatchRunner(classifier.network(), classifierManager())
                .evaluate(test, classifier.preprocessing(), 0, 250);
        assertTrue(ev.accuracy() >= 0.90, "accuracy on the 500 bundled test images "
                + ev.accuracy());
    }

    private static ai.djl.ndarray.NDManager classifierManager() {
        return classifier.network().getParameters().get(0).getValue().getArray().getManager();
    }

    @Test
    void everyFashionSampleImageGetsItsLabel() throws Exception {
        Map<String, String> misses = new TreeMap<>();
        List<Path> samples = new ArrayList<>();
        try (var files = Files.list(Path.of("sample-images"))) {
            files.filter(p -> p.getFileName().toString().startsWith("fashion-")).sorted()
                    .forEach(samples::add);
        }
        assertEquals(20, samples.size());
        for (Path p : samples) {
            int label = Integer.parseInt(p.getFileName().toString().split("-")[1]);
            Classifier.Result r = classifier.classify(p, 1);
            String got = r.top().get(0).label();
            if (!got.equals(FashionMnist.CLASSES.get(label))) {
                misses.put(p.getFileName().toString(), got);
            }
        }
        assertEquals(new TreeMap<>(EXPECTED_MISSES), misses);
    }

    @Test
    void aTestImageSavedAsPngGetsTheLabelOfItsTensor(@TempDir Path dir) throws Exception {
        BatchRunner runner = new BatchRunner(classifier.network(), classifierManager());
        float[] x = new float[28 * 28];
        for (int i = 0; i < 100; i++) {
            BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int k = 0; k < 784; k++) {
                img.getRaster().setSample(k % 28, k / 28, 0, test.pixels()[i * 784 + k] & 0xFF);
            }
            Path png = dir.resolve("test-" + i + ".png");
            ImageIO.write(img, "png", png.toFile());
            test.copyImage(i, x, 0);
            classifier.preprocessing().apply(x, 0, 784);
            float[] logits = runner.logits(x, 1);
            int fromTensor = BatchRunner.argmax(logits, 0, 10);
            assertEquals(fromTensor, classifier.classify(png, 1).top().get(0).index(),
                    "test image " + i);
        }
    }
}
