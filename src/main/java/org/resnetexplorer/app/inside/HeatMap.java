package org.resnetexplorer.app.inside;

import org.resnetexplorer.engine.probe.ActivationMap;

/**
 * Turns activations into viridis pixels on one scale. All channels of a layer share the layer's
 * scale, so a bright tile means a strong response compared with its neighbours, not only with
 * itself. Plain ARGB arrays, so drawing is tested and timed without a screen.
 */
public final class HeatMap {

    private HeatMap() {
    }

    /** The lowest and highest value of the whole layer (every channel). */
    public static double[] range(ActivationMap map) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : map.values()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }

    /** A grid layout for {@code n} tiles: columns and rows, close to the panel's aspect. */
    public static int[] grid(int n, double aspect) {
        int cols = Math.max(1, (int) Math.ceil(Math.sqrt(n * aspect)));
        cols = Math.min(cols, n);
        int rows = (n + cols - 1) / cols;
        return new int[] {cols, rows};
    }

    /**
     * Every channel as a tile, {@code cols} to a row, with a one-pixel dark gap between tiles.
     *
     * @return ARGB pixels of an image {@link #gridWidth} x {@link #gridHeight}
     */
    public static int[] grid(ActivationMap map, int cols, double min, double max) {
        int rows = (map.channels() + cols - 1) / cols;
        int w = gridWidth(map, cols);
        int h = gridHeight(map, rows);
        int[] out = new int[w * h];
        java.util.Arrays.fill(out, 0xFF2B2F36);
        double span = max > min ? max - min : 1;
        float[] v = map.values();
        int tileH = map.height();
        int tileW = map.width();
        for (int c = 0; c < map.channels(); c++) {
            int x0 = 1 + (c % cols) * (tileW + 1);
            int y0 = 1 + (c / cols) * (tileH + 1);
            int base = c * tileH * tileW;
            for (int r = 0; r < tileH; r++) {
                int row = (y0 + r) * w + x0;
                int src = base + r * tileW;
                for (int k = 0; k < tileW; k++) {
                    out[row + k] = Viridis.argb((v[src + k] - min) / span);
                }
            }
        }
        return out;
    }

    public static int gridWidth(ActivationMap map, int cols) {
        return 1 + cols * (map.width() + 1);
    }

    public static int gridHeight(ActivationMap map, int rows) {
        return 1 + rows * (map.height() + 1);
    }

    /** The channel under a pixel of the grid image, or -1 over a gap or past the last. */
    public static int channelAt(ActivationMap map, int cols, double px, double py) {
        int col = (int) Math.floor((px - 1) / (map.width() + 1));
        int row = (int) Math.floor((py - 1) / (map.height() + 1));
        if (px < 1 || py < 1 || col >= cols) {
            return -1;
        }
        int c = row * cols + col;
        return c < map.channels() ? c : -1;
    }

    /** One channel alone, as ARGB pixels width x height. */
    public static int[] channel(ActivationMap map, int channel, double min, double max) {
        int n = map.height() * map.width();
        int[] out = new int[n];
        double span = max > min ? max - min : 1;
        float[] v = map.values();
        for (int i = 0; i < n; i++) {
            out[i] = Viridis.argb((v[channel * n + i] - min) / span);
        }
        return out;
    }

    /** A vertical colour bar, highest at the top, width x height ARGB. */
    public static int[] colourBar(int width, int height) {
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            int c = Viridis.argb(1 - y / (double) Math.max(1, height - 1));
            java.util.Arrays.fill(out, y * width, (y + 1) * width, c);
        }
        return out;
    }
}
