package org.resnetexplorer.engine.probe;

/**
 * One layer's output for one image: channels x height x width values, for the feature-map grid.
 */
public record ActivationMap(String layer, int channels, int height, int width, float[] values) {

    public float value(int channel, int row, int col) {
        return values[(channel * height + row) * width + col];
    }

    /** Mean, standard deviation, minimum and maximum of one channel. */
    public double[] channelStats(int channel) {
        int n = height * width;
        int base = channel * n;
        double sum = 0;
        double sq = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = base; i < base + n; i++) {
            double v = values[i];
            sum += v;
            sq += v * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sq / n - mean * mean)), min, max};
    }
}
