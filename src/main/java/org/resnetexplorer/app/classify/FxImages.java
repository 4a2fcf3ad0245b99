package org.resnetexplorer.app.classify;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.resnetexplorer.engine.image.DecodedImage;
import org.resnetexplorer.engine.image.PreparedImage;

/** Engine images (float planes on a 0..1 scale) as JavaFX images, for display only. */
public final class FxImages {

    private FxImages() {
    }

    public static WritableImage of(DecodedImage image) {
        return of(image.planes(), image.width(), image.height());
    }

    public static WritableImage of(PreparedImage image) {
        int c = image.shape().channels();
        int h = image.shape().height();
        int w = image.shape().width();
        float[][] planes = new float[c][];
        for (int i = 0; i < c; i++) {
            planes[i] = new float[h * w];
            System.arraycopy(image.pixels(), i * h * w, planes[i], 0, h * w);
        }
        return of(planes, w, h);
    }

    static WritableImage of(float[][] planes, int w, int h) {
        WritableImage out = new WritableImage(w, h);
        PixelWriter px = out.getPixelWriter();
        boolean grey = planes.length < 3;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                double red = clamp(planes[0][i]);
                px.setColor(c, r, grey ? Color.gray(red)
                        : Color.color(red, clamp(planes[1][i]), clamp(planes[2][i])));
            }
        }
        return out;
    }

    private static double clamp(float v) {
        return Math.max(0, Math.min(1, v));
    }
}
