package org.resnetexplorer.engine.image;

/**
 * Area-averaging resize of one float plane: each output pixel is the mean of the source area it
 * covers (exact for integer factors, so a 4x enlarged Fashion-MNIST image shrinks back to its
 * original values); enlarging repeats pixels, which keeps a tiny image honest.
 */
final class Resampler {

    private Resampler() {
    }

    static float[] resize(float[] src, int w, int h, int outW, int outH) {
        if (w == outW && h == outH) {
            return src.clone();
        }
        float[] rows = new float[outW * h];
        for (int r = 0; r < h; r++) {
            resample(src, r * w, 1, w, rows, r * outW, 1, outW);
        }
        float[] out = new float[outW * outH];
        for (int c = 0; c < outW; c++) {
            resample(rows, c, outW, h, out, c, outW, outH);
        }
        return out;
    }

    /** One line of n samples (stride apart) to m samples, weighting by overlap. */
    private static void resample(float[] in, int inOff, int inStride, int n, float[] out,
            int outOff, int outStride, int m) {
        double ratio = n / (double) m;
        for (int j = 0; j < m; j++) {
            double from = j * ratio;
            double to = from + ratio;
            int first = (int) Math.floor(from);
            int last = Math.min(n - 1, (int) Math.ceil(to) - 1);
            double sum = 0;
            double weight = 0;
            for (int k = first; k <= last; k++) {
                double overlap = Math.min(to, k + 1) - Math.max(from, k);
                if (overlap > 0) {
                    sum += overlap * in[inOff + k * inStride];
                    weight += overlap;
                }
            }
            out[outOff + j * outStride] = (float) (weight > 0 ? sum / weight
                    : in[inOff + Math.min(n - 1, first) * inStride]);
        }
    }
}
