package org.resnetexplorer.app.inside;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** ARGB arrays into JavaFX images, in one call per image (the fast path of PixelWriter). */
final class FxPixels {

    private FxPixels() {
    }

    static WritableImage image(int[] argb, int width, int height) {
        WritableImage img = new WritableImage(width, height);
        img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(),
                argb, 0, width);
        return img;
    }

    /** A prepared C x H x W image (0..1) as grey or RGB, for "what the network sees". */
    static WritableImage input(float[] chw, int channels, int height, int width) {
        int n = height * width;
        int[] argb = new int[n];
        for (int i = 0; i < n; i++) {
            int r = grey(chw[i]);
            int g = channels >= 3 ? grey(chw[n + i]) : r;
            int b = channels >= 3 ? grey(chw[2 * n + i]) : r;
            argb[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return image(argb, width, height);
    }

    private static int grey(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }
}
