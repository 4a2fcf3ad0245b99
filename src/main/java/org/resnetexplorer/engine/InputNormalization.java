package org.resnetexplorer.engine;

import java.util.Properties;

/**
 * How pixels on a 0..1 scale become network input: (x - mean) / std. Part of a trained model,
 * because training, the CLI and the GUI must prepare images the same way.
 */
public record InputNormalization(float mean, float std) {

    public static final InputNormalization NONE = new InputNormalization(0f, 1f);

    public void apply(float[] values, int offset, int length) {
        float inv = 1f / std;
        for (int i = offset; i < offset + length; i++) {
            values[i] = (values[i] - mean) * inv;
        }
    }

    public void store(Properties p) {
        p.setProperty("input.mean", Float.toString(mean));
        p.setProperty("input.std", Float.toString(std));
    }

    public static InputNormalization from(Properties p) {
        return new InputNormalization(Float.parseFloat(p.getProperty("input.mean", "0")),
                Float.parseFloat(p.getProperty("input.std", "1")));
    }
}
