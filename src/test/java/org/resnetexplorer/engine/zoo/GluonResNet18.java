package org.resnetexplorer.engine.zoo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A stand-in for what DJL's MXNet model zoo serves for {@code resnet18_v1} (the download cannot
 * run here): random weights under the names Gluon gives them, written in MXNet's format, and a
 * 1000-line {@code synset.txt}. Names follow Gluon's ResNetV1: a stem conv0/batchnorm0, per
 * stage a counter running through each block's body and then its downsample, and dense0.
 */
public final class GluonResNet18 {

    static final String PREFIX = "resnetv10_";

    private GluonResNet18() {
    }

    public static MxNetParamsFile weights(long seed) {
        Random random = new Random(seed);
        MxNetParamsFile file = new MxNetParamsFile();
        conv(file, random, "conv0", 64, 3, 7);
        batchNorm(file, random, "batchnorm0", 64);
        int[] widths = {64, 128, 256, 512};
        int in = 64;
        for (int s = 1; s <= 4; s++) {
            int out = widths[s - 1];
            int conv = 0;
            int bn = 0;
            for (int b = 0; b < 2; b++) {
                String stage = "stage" + s + "_";
                int stride = s > 1 && b == 0 ? 2 : 1;
                conv(file, random, stage + "conv" + conv++, out, in, 3);
                batchNorm(file, random, stage + "batchnorm" + bn++, out);
                conv(file, random, stage + "conv" + conv++, out, out, 3);
                batchNorm(file, random, stage + "batchnorm" + bn++, out);
                if (b == 0 && (stride != 1 || in != out)) {
                    conv(file, random, stage + "conv" + conv++, out, in, 1);
                    batchNorm(file, random, stage + "batchnorm" + bn++, out);
                }
                in = out;
            }
        }
        file.put("arg:" + PREFIX + "dense0_weight", normal(random, 1000 * 512, 0.05), 1000,
                512);
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
            int k) {
        double scale = Math.sqrt(2.0 / (in * k * k));
        file.put("arg:" + PREFIX + name + "_weight", normal(random, out * in * k * k, scale),
                out, in, k, k);
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
