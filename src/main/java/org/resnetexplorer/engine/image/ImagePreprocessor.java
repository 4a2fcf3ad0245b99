package org.resnetexplorer.engine.image;

import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.model.InputShape;

/**
 * Turns a decoded image into the input a model expects: its channels (grey by luminance), its
 * background convention (a model trained on light-on-dark images gets light backgrounds
 * inverted), and its size (fitted inside, aspect kept, padded with background; or centre-cropped
 * as ImageNet models expect). An image that already has the model's size is passed through
 * unchanged.
 */
public final class ImagePreprocessor {

    /** Border pixels brighter than this on average mean a light background. */
    private static final float LIGHT_BACKGROUND = 0.5f;

    /** Part of the scaled image a centre crop keeps along its shorter side (224 of 256). */
    private static final double CROP = 0.875;

    private ImagePreprocessor() {
    }

    public static PreparedImage prepare(DecodedImage image, InputShape shape, Preprocessing pp) {
        float[][] planes = toChannels(image, shape.channels());
        int w = image.width();
        int h = image.height();
        boolean invert = pp.darkBackground() && borderMean(planes, w, h) > LIGHT_BACKGROUND;
        if (invert) {
            for (float[] plane : planes) {
                for (int i = 0; i < plane.length; i++) {
                    plane[i] = 1f - plane[i];
                }
            }
        }
        float[] out = pp.centerCrop() ? cropped(planes, w, h, shape) : padded(planes, w, h, shape,
                pp.darkBackground());
        return new PreparedImage(out, shape, invert);
    }

    /** Fits the whole image inside, aspect kept, the rest filled with its background. */
    private static float[] padded(float[][] planes, int w, int h, InputShape shape,
            boolean darkBackground) {
        int outW = shape.width();
        int outH = shape.height();
        float[] out = new float[shape.channels() * outH * outW];
        double scale = Math.min(outW / (double) w, outH / (double) h);
        int fitW = Math.max(1, Math.min(outW, (int) Math.round(w * scale)));
        int fitH = Math.max(1, Math.min(outH, (int) Math.round(h * scale)));
        int left = (outW - fitW) / 2;
        int top = (outH - fitH) / 2;
        for (int c = 0; c < planes.length; c++) {
            float background = darkBackground ? 0f : borderMean(new float[][] {planes[c]}, w, h);
            float[] fitted = Resampler.resize(planes[c], w, h, fitW, fitH);
            int base = c * outH * outW;
            java.util.Arrays.fill(out, base, base + outH * outW, background);
            for (int r = 0; r < fitH; r++) {
                System.arraycopy(fitted, r * fitW, out, base + (top + r) * outW + left, fitW);
            }
        }
        return out;
    }

    /**
     * The ImageNet convention: the shorter side scaled to the input's size / {@link #CROP}
     * (256 for 224), then the middle cut out. An image of exactly the input's size is kept whole.
     */
    private static float[] cropped(float[][] planes, int w, int h, InputShape shape) {
        int outW = shape.width();
        int outH = shape.height();
        double scale = Math.max(outW / (double) w, outH / (double) h);
        if (w != outW || h != outH) {
            scale /= CROP;
        }
        int sw = Math.max(outW, (int) Math.round(w * scale));
        int sh = Math.max(outH, (int) Math.round(h * scale));
        int left = (sw - outW) / 2;
        int top = (sh - outH) / 2;
        float[] out = new float[shape.channels() * outH * outW];
        for (int c = 0; c < planes.length; c++) {
            float[] scaled = Resampler.resize(planes[c], w, h, sw, sh);
            int base = c * outH * outW;
            for (int r = 0; r < outH; r++) {
                System.arraycopy(scaled, (top + r) * sw + left, out, base + r * outW, outW);
            }
        }
        return out;
    }

    /** A small copy for display, longest side at most {@code maxSide}, aspect kept. */
    public static DecodedImage thumbnail(DecodedImage image, int maxSide) {
        int w = image.width();
        int h = image.height();
        double scale = Math.min(1.0, maxSide / (double) Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        float[][] planes = new float[image.planes().length][];
        for (int c = 0; c < planes.length; c++) {
            planes[c] = Resampler.resize(image.planes()[c], w, h, tw, th);
        }
        return new DecodedImage(planes, tw, th, image.originalWidth(), image.originalHeight());
    }

    /** Prepared pixels, normalised as the model was trained, ready for the engine. */
    public static float[] normalised(PreparedImage image, Preprocessing pp) {
        float[] x = image.pixels().clone();
        pp.apply(x, 0, x.length);
        return x;
    }

    private static float[][] toChannels(DecodedImage image, int channels) {
        float[][] p = image.planes();
        if (channels == p.length) {
            float[][] copy = new float[p.length][];
            for (int i = 0; i < p.length; i++) {
                copy[i] = p[i].clone();
            }
            return copy;
        }
        if (channels == 1) {
            float[] y = new float[p[0].length];
            for (int i = 0; i < y.length; i++) {
                y[i] = 0.299f * p[0][i] + 0.587f * p[1][i] + 0.114f * p[2][i];
            }
            return new float[][] {y};
        }
        float[][] out = new float[channels][];
        for (int c = 0; c < channels; c++) {
            out[c] = p[Math.min(c, p.length - 1)].clone();
        }
        return out;
    }

    private static float borderMean(float[][] planes, int w, int h) {
        double sum = 0;
        long n = 0;
        for (float[] plane : planes) {
            for (int c = 0; c < w; c++) {
                sum += plane[c] + plane[(h - 1) * w + c];
                n += 2;
            }
            for (int r = 0; r < h; r++) {
                sum += plane[r * w] + plane[r * w + w - 1];
                n += 2;
            }
        }
        return (float) (sum / n);
    }
}
