package org.resnetexplorer.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * What a trained model expects of its input beyond channels and size: pixels on a 0..1 scale
 * normalised as (x - mean) / std, per channel or one value for all; whether objects are light on
 * a dark background (as in Fashion-MNIST); and how an image of another shape is fitted: padded
 * whole (the Fashion-MNIST way, nothing of the object is lost) or centre-cropped (the ImageNet
 * convention: the shorter side scaled to 256/224 of the input, the middle kept). Stored in the
 * model folder, because training, the CLI and the GUI must prepare images the same way.
 */
public record Preprocessing(float[] mean, float[] std, boolean darkBackground, boolean centerCrop) {

    public static final Preprocessing NONE = new Preprocessing(0f, 1f, false);

    /** ImageNet's channel statistics, as the Gluon and torchvision models were trained. */
    public static final Preprocessing IMAGENET = new Preprocessing(
            new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}, false,
            true);

    public Preprocessing {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need one value each, or one per"
                    + " channel: " + Arrays.toString(mean) + " / " + Arrays.toString(std));
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** One mean and standard deviation for every channel, images padded to fit. */
    public Preprocessing(float mean, float std, boolean darkBackground) {
        this(new float[] {mean}, new float[] {std}, darkBackground, false);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** Normalises one image (channels x height x width) in place. */
    public void apply(float[] values, int offset, int length) {
        int channels = mean.length;
        int plane = length / channels;
        for (int c = 0; c < channels; c++) {
            float m = mean[c];
            float inv = 1f / std[c];
            int from = offset + c * plane;
            int to = c == channels - 1 ? offset + length : from + plane;
            for (int i = from; i < to; i++) {
                values[i] = (values[i] - m) * inv;
            }
        }
    }

    /** What a raw 0 (black) becomes after normalisation in channel {@code c}. */
    public float normalisedZero(int c) {
        int i = Math.min(c, mean.length - 1);
        return std[i] == 0 ? 0 : -mean[i] / std[i];
    }

    public void store(Properties p) {
        p.setProperty("input.mean", join(mean));
        p.setProperty("input.std", join(std));
        p.setProperty("input.background", darkBackground ? "dark" : "any");
        p.setProperty("input.fit", centerCrop ? "crop" : "pad");
    }

    /**
     * Reads what {@link #store} wrote; folders written before per-channel values and the fit
     * existed hold one number each and mean "pad".
     */
    public static Preprocessing from(Properties p) {
        String background = p.getProperty("input.background",
                p.getProperty("dataset", "").startsWith("fashion-mnist") ? "dark" : "any");
        return new Preprocessing(floats(p.getProperty("input.mean", "0")),
                floats(p.getProperty("input.std", "1")), background.equals("dark"),
                p.getProperty("input.fit", "pad").trim().equals("crop"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing other && Arrays.equals(mean, other.mean)
                && Arrays.equals(std, other.std) && darkBackground == other.darkBackground
                && centerCrop == other.centerCrop;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Arrays.hashCode(std)
                + (darkBackground ? 1 : 0) + (centerCrop ? 2 : 0);
    }

    @Override
    public String toString() {
        return "mean " + join(mean) + ", std " + join(std)
                + (darkBackground ? ", dark background" : "") + (centerCrop ? ", centre crop" : "");
    }

    private static String join(float[] values) {
        StringBuilder b = new StringBuilder();
        for (float v : values) {
            b.append(b.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%s", v));
        }
        return b.toString();
    }

    private static float[] floats(String text) {
        String[] parts = text.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i].trim());
        }
        return out;
    }
}
