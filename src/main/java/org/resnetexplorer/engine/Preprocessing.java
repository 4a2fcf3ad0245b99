package org.resnetexplorer.engine;

import java.util.Properties;

/**
 * What a trained model expects of its input beyond channels and size: pixels on a 0..1 scale
 * normalised as (x - mean) / std, and whether objects are light on a dark background (as in
 * Fashion-MNIST). Stored in the model folder, because training, the CLI and the GUI must prepare
 * images the same way.
 */
public record Preprocessing(float mean, float std, boolean darkBackground) {

    public static final Preprocessing NONE = new Preprocessing(0f, 1f, false);

    public void apply(float[] values, int offset, int length) {
        float inv = 1f / std;
        for (int i = offset; i < offset + length; i++) {
            values[i] = (values[i] - mean) * inv;
        }
    }

    public void store(Properties p) {
        p.setProperty("input.mean", Float.toString(mean));
        p.setProperty("input.std", Float.toString(std));
        p.setProperty("input.background", darkBackground ? "dark" : "any");
    }

    public static Preprocessing from(Properties p) {
        String background = p.getProperty("input.background",
                p.getProperty("dataset", "").startsWith("fashion-mnist") ? "dark" : "any");
        return new Preprocessing(Float.parseFloat(p.getProperty("input.mean", "0")),
                Float.parseFloat(p.getProperty("input.std", "1")), background.equals("dark"));
    }
}
