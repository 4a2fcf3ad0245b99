package org.resnetexplorer.engine.zoo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A stand-in for what DJL's MXNet model zoo serves for {@code resnetN_v1} (the download cannot
 * run here): random weights under the names Gluon gives them, written in MXNet's format, and a
 * 1000-line {@code synset.txt}. Names follow Gluon's ResNetV1: a stem conv0/batchnorm0, per
 * stage a counter running through each block's body and then its downsample, and dense0. As in
 * Gluon, a bottleneck's two 1x1 convolutions have a bias; nothing else does.
 */
public final class GluonResNet {

    static final String PREFIX = "resnetv10_";

    private GluonResNet() {
    }

    /** ResNet-18's weights. */
    public static MxNetParamsFile weights(long seed) {
        return weights(18, seed);
    }

    /** The weights of resnet18_v1 (basic blocks) or resnet50_v1 (bottlenecks). */
    public static MxNetParamsFile weights(int layers, long seed) {
        boolean bottleneck = layers == 50;
        int[] depths = bottleneck ? new int[] {3, 4, 6, 3} : new int[] {2, 2, 2, 2};
        Random random = new Random(seed);
        MxNetParamsFile file = new MxNetParamsFile();
        conv(file, random, "conv0", 64, 3, 7, false);
        batchNorm(file, random, "batchnorm0", 64);
        int[] widths = {64, 128, 256, 512};
        int in = 64;
        for (int s = 1; s <= 4; s++) {
            int width = widths[s - 1];
            int out = bottleneck ? 4 * width : width;
            int conv = 0;
            int bn = 0;
            String stage = "stage" + s + "_";
            for (int b = 0; b < depths[s - 1]; b++) {
                int stride = s > 1 && b == 0 ? 2 : 1;
                if (bottleneck) {
                    conv(file, random, stage + "conv" + conv++, width, in, 1, true);
                    batchNorm(file, random, stage + "batchnorm" + bn++, width);
                    conv(file, random, stage + "conv" + conv++, width, width, 3, false);
                    batchNorm(file, random, stage + "batchnorm" + bn++, width);
                    conv(file, random, stage + "conv" + conv++, out, width, 1, true);
                    batchNorm(file, random, stage + "batchnorm" + bn++, out);
                } else {
                    conv(file, random, stage + "conv" + conv++, out, in, 3, false);
                    batchNorm(file, random, stage + "batchnorm" + bn++, out);
                    conv(file, random, stage + "conv" + conv++, out, out, 3, false);
                    batchNorm(file, random, stage + "batchnorm" + bn++, out);
                }
                if (b == 0 && (stride != 1 || in != out)) {
                    conv(file, random, stage + "conv" + conv++, out, in, 1, false);
                    batchNorm(file, random, stage + "batchnorm" + bn++, out);
                }
                in = out;
            }
        }
        file.put("arg:" + PREFIX + "dense0_weight", normal(random, 1000 * in, 0.05), 1000, in);
        file.put("arg:" + PREFIX + "dense0_bias", normal(random, 1000, 0.01), 1000);
        return file;
    }

    public static void synset(Path file, int classes) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            lines.add(String.format("n%08d class %d, another name", i, i));
        }
        lines.set(0, "n01440764 tench, Tinca tinca");
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static void conv(MxNetParamsFile file, Random random, String name, int out, int in,
            int k, boolean bias) {
        double scale = Math.sqrt(2.0 / (in * k * k));
        file.put("arg:" + PREFIX + name + "_weight", normal(random, out * in * k * k, scale),
                out, in, k, k);
        if (bias) {
            file.put("arg:" + PREFIX + name + "_bias", normal(random, out, 0.1), out);
        }
    }

    private static void batchNorm(MxNetParamsFile file, Random random, String name, int c) {
        file.put("arg:" + PREFIX + name + "_gamma", uniform(random, c, 0.5, 1.5), c);
        file.put("arg:" + PREFIX + name + "_beta", normal(random, c, 0.1), c);
        file.put("aux:" + PREFIX + name + "_running_mean", normal(random, c, 0.1), c);
        file.put("aux:" + PREFIX + name + "_running_var", uniform(random, c, 0.5, 1.5), c);
    }

    static float[] normal(Random random, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * scale);
        }
        return v;
    }

    private static float[] uniform(Random random, int n, double lo, double hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (lo + random.nextDouble() * (hi - lo));
        }
        return v;
    }
}
