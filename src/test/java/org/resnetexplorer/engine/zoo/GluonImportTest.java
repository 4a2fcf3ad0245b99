package org.resnetexplorer.engine.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.Classifier;
import org.resnetexplorer.engine.Engines;
import org.resnetexplorer.engine.ModelFolder;
import org.resnetexplorer.engine.Preprocessing;

/**
 * The ImageNet ResNets' loading path, from the files DJL's MXNet model zoo serves to a model
 * folder that classifies, tested with a Gluon-named resnet18_v1 file made here.
 */
public class GluonImportTest {

    @TempDir
    static Path tmp;

    static MxNetParamsFile weights;
    static float[] stage1Bias;
    static Classifier classifier;
    static Path folder;

    @BeforeAll
    static void convertOnce() throws Exception {
        Path download = Files.createDirectories(tmp.resolve("download"));
        weights = GluonResNet.weights(42);
        // Gluon's bottleneck 1x1 convolutions carry a bias; give one to a conv here to see it
        // folded into the batch norm after it
        stage1Bias = GluonResNet.normal(new Random(7), 64, 0.2);
        weights.put("arg:resnetv10_stage1_conv0_bias", stage1Bias, 64);
        weights.write(download.resolve("resnet18_v1-0000.params"));
        GluonResNet.synset(download.resolve("synset.txt"), 1000);
        folder = tmp.resolve("resnet18-imagenet");
        GluonImport.convert(download, ZooResNet.get("resnet18"), engine(), folder);
        classifier = Classifier.open(folder, engine(), Device.cpu());
    }

    @AfterAll
    static void close() {
        if (classifier != null) {
            classifier.close();
        }
    }

    private static Engine engine() {
        return Engines.get(null);
    }

    @Test
    void theFolderIsTheNetworkOfThePaperWithImageNetsClasses() throws Exception {
        assertTrue(ModelFolder.isModelFolder(folder));
        var spec = classifier.network().spec();
        assertEquals("resnet18-imagenet", spec.name());
        assertEquals(1000, classifier.labels().size());
        assertEquals("tench", classifier.labels().get(0));
        assertEquals("class 1", classifier.labels().get(1));
        assertEquals(11_689_512L, classifier.network().analysis().params());
        assertEquals(Preprocessing.IMAGENET, classifier.preprocessing());
    }

    @Test
    void eachGluonWeightLandsInTheLayerOfTheSameRole() {
        assertArrayEquals(values("arg:resnetv10_conv0_weight"), ours("stem.conv", "weight"));
        // stage 2's first block: body conv0, conv1, then the projection shortcut conv2
        assertArrayEquals(values("arg:resnetv10_stage2_conv1_weight"),
                ours("stage2.block1.conv2", "weight"));
        assertArrayEquals(values("arg:resnetv10_stage2_conv2_weight"),
                ours("stage2.block1.shortcut.conv", "weight"));
        assertArrayEquals(values("arg:resnetv10_stage2_conv3_weight"),
                ours("stage2.block2.conv1", "weight"));
        assertArrayEquals(values("aux:resnetv10_stage4_batchnorm4_running_var"),
                ours("stage4.block2.bn2", "runningVar"));
        assertArrayEquals(values("arg:resnetv10_dense0_bias"), ours("head.fc", "bias"));
    }

    @Test
    void aConvolutionBiasIsFoldedIntoTheBatchNormAfterIt() {
        float[] mean = values("aux:resnetv10_stage1_batchnorm0_running_mean");
        float[] folded = ours("stage1.block1.bn1", "runningMean");
        for (int i = 0; i < mean.length; i++) {
            assertEquals(mean[i] - stage1Bias[i], folded[i], 1e-6);
        }
    }

    @Test
    void aPhotoIsClassifiedAmongTheThousandClasses() {
        Classifier.Result r = classifier.classify(Path.of("sample-images/photo-cat-chelsea.png"), 5);
        assertTrue(r.ok(), r.error());
        assertEquals(5, r.top().size());
        assertEquals(3 * 224 * 224, r.input().pixels().length);
        double sum = r.top().stream().mapToDouble(Classifier.Prediction::probability).sum();
        assertTrue(sum > 0 && sum <= 1.0001, "top-5 probabilities " + sum);
    }

    @Test
    void aFileOfAnotherNetworkIsRefusedNamingWhatItHolds() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("vgg"));
        new MxNetParamsFile().put("arg:vgg0_conv0_weight", new float[4], 1, 1, 2, 2)
                .write(dir.resolve("vgg16-0000.params"));
        GluonResNet.synset(dir.resolve("synset.txt"), 1000);
        IOException e = assertThrows(ImportException.class, () -> GluonImport.convert(dir,
                ZooResNet.get("resnet18"), engine(), tmp.resolve("out-vgg")));
        assertTrue(e.getMessage().contains("vgg0_conv0_weight"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("out-vgg")));
    }

    @Test
    void aFileOfAnotherDepthIsRefusedNamingTheFirstMissingLayer() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("short"));
        MxNetParamsFile partial = new MxNetParamsFile();
        weights.arrays().forEach((name, a) -> {
            if (!name.contains("stage4")) {
                partial.put(name, a.values(), a.shape());
            }
        });
        partial.write(dir.resolve("resnet18_v1-0000.params"));
        GluonResNet.synset(dir.resolve("synset.txt"), 1000);
        IOException e = assertThrows(ImportException.class, () -> GluonImport.convert(dir,
                ZooResNet.get("resnet18"), engine(), tmp.resolve("out-short")));
        assertTrue(e.getMessage().contains("stage4.block1.conv1"), e.getMessage());
    }

    @Test
    void aBrokenDownloadSaysSoAndWhatToDo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("broken"));
        Files.write(dir.resolve("resnet18_v1-0000.params"), new byte[] {1, 2, 3, 4, 5});
        GluonResNet.synset(dir.resolve("synset.txt"), 1000);
        IOException e = assertThrows(ImportException.class, () -> GluonImport.convert(dir,
                ZooResNet.get("resnet18"), engine(), tmp.resolve("out-broken")));
        assertTrue(e.getMessage().contains("not an MXNet parameter file")
                && e.getMessage().contains("download it again"), e.getMessage());

        Path noLabels = Files.createDirectories(tmp.resolve("few-classes"));
        GluonResNet.synset(noLabels.resolve("synset.txt"), 10);
        Files.write(noLabels.resolve("x.params"), new byte[] {0});
        e = assertThrows(ImportException.class, () -> GluonImport.convert(noLabels,
                ZooResNet.get("resnet18"), engine(), tmp.resolve("out-few")));
        assertTrue(e.getMessage().contains("10 classes"), e.getMessage());
    }

    @Test
    void aBottleneckResNet50KeepsEveryWeightAndFoldsBothBiasesOfEachBlock() throws Exception {
        Path download = Files.createDirectories(tmp.resolve("download50"));
        MxNetParamsFile w50 = GluonResNet.weights(50, 9);
        w50.write(download.resolve("resnet50_v1-0000.params"));
        GluonResNet.synset(download.resolve("synset.txt"), 1000);
        Path out = tmp.resolve("resnet50-imagenet");
        GluonImport.convert(download, ZooResNet.get("resnet50"), engine(), out);
        try (ModelFolder.Loaded m = ModelFolder.load(out, engine(), Device.cpu())) {
            assertEquals(25_557_032L, m.net().analysis().params());
            java.util.function.BiFunction<String, String, float[]> ours = (layer, param) ->
                    m.net().layerBlock(layer).getParameters().get(param).getArray()
                            .toFloatArray();
            java.util.function.Function<String, float[]> gluon = name ->
                    w50.arrays().get(name).values();
            // stage 1, block 1: conv0..conv2 the body, conv3 the projection (64 -> 256)
            assertArrayEquals(gluon.apply("arg:resnetv10_stage1_conv3_weight"),
                    ours.apply("stage1.block1.shortcut.conv", "weight"));
            // stage 3, block 2 starts after block 1's four convolutions: conv4, conv5, conv6
            assertArrayEquals(gluon.apply("arg:resnetv10_stage3_conv5_weight"),
                    ours.apply("stage3.block2.conv2", "weight"));
            // both 1x1 convolutions of a bottleneck have a bias, folded into their batch norm
            for (String[] pair : new String[][] {{"stage3_conv4", "stage3_batchnorm4",
                "stage3.block2.bn1"}, {"stage3_conv6", "stage3_batchnorm6", "stage3.block2.bn3"}}) {
                float[] bias = gluon.apply("arg:resnetv10_" + pair[0] + "_bias");
                float[] mean = gluon.apply("aux:resnetv10_" + pair[1] + "_running_mean");
                float[] folded = ours.apply(pair[2], "runningMean");
                for (int i = 0; i < mean.length; i++) {
                    assertEquals(mean[i] - bias[i], folded[i], 1e-6, pair[2]);
                }
            }
            // the 3x3 has none: its batch norm's mean is Gluon's own
            assertArrayEquals(gluon.apply("aux:resnetv10_stage3_batchnorm5_running_mean"),
                    ours.apply("stage3.block2.bn2", "runningMean"));
            // the paper's v1: stage 2 halves the size in its first 1x1 convolution
            assertEquals(2, m.net().analysis().layers().stream()
                    .filter(l -> l.name().equals("stage2.block1.conv1")).findFirst()
                    .orElseThrow().stride());
        }
    }

    @Test
    void theFiveDepthsAreThePapersNetworks() {
        assertEquals(5, ZooResNet.ALL.size());
        assertEquals("resnet50_v1", ZooResNet.get("ResNet-50").artifact());
        assertEquals("resnet152-imagenet", ZooResNet.get("resnet152_v1").folderName());
        // the paper's v1 bottleneck: the stride in the first 1x1 convolution
        assertTrue(ZooResNet.get("resnet50").spec().stages().get(1).blocks().get(0).kind()
                .name().equals("BOTTLENECK"));
        assertTrue(!ZooResNet.get("resnet50").spec().stages().get(1).blocks().get(0)
                .strideIn3x3());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZooResNet.get("resnet20"));
        assertTrue(e.getMessage().contains("resnet18, resnet34"), e.getMessage());
    }

    private static float[] values(String name) {
        return weights.arrays().get(name).values();
    }

    private static float[] ours(String layer, String param) {
        return classifier.network().layerBlock(layer).getParameters().get(param).getArray()
                .toFloatArray();
    }
}
