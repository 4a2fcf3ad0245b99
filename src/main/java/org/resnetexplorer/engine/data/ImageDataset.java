package org.resnetexplorer.engine.data;

import java.util.Arrays;
import java.util.List;

/**
 * Labelled images held as unsigned bytes, channel-first (N x C x H x W). Small enough for
 * Fashion-MNIST in memory (47 MB) and free of native memory until a batch is made.
 */
public record ImageDataset(String name, int channels, int height, int width, byte[] pixels,
        int[] labels, List<String> classes) {

    public ImageDataset {
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels but "
                    + pixels.length + " pixel bytes for " + channels + "x" + height + "x" + width
                    + " images");
        }
        classes = List.copyOf(classes);
    }

    public int size() {
        return labels.length;
    }

    public int imageSize() {
        return channels * height * width;
    }

    /** The first {@code n} images (all when n is 0, negative or at least the size). */
    public ImageDataset limit(int n) {
        if (n <= 0 || n >= size()) {
            return this;
        }
        return new ImageDataset(name, channels, height, width,
                Arrays.copyOf(pixels, n * imageSize()), Arrays.copyOf(labels, n), classes);
    }

    /** Copies image {@code i} into {@code out} at {@code offset}, scaled to 0..1. */
    public void copyImage(int i, float[] out, int offset) {
        int size = imageSize();
        int base = i * size;
        for (int k = 0; k < size; k++) {
            out[offset + k] = (pixels[base + k] & 0xFF) / 255f;
        }
    }

    /**
     * The same images with labels numbered as in {@code labels} (matched by name, ignoring
     * case), e.g. an image folder's classes against a trained model's; every class here must
     * be one of them.
     */
    public ImageDataset relabelled(List<String> labels) {
        if (labels.equals(classes)) {
            return this;
        }
        int[] map = new int[classes.size()];
        for (int c = 0; c < map.length; c++) {
            String name = classes.get(c);
            map[c] = -1;
            for (int k = 0; k < labels.size() && map[c] < 0; k++) {
                if (labels.get(k).equalsIgnoreCase(name)) {
                    map[c] = k;
                }
            }
            if (map[c] < 0) {
                throw new IllegalArgumentException("the images' class '" + name + "' is not one"
                        + " of the model's " + labels.size() + " classes (" + String.join(", ",
                        labels.subList(0, Math.min(10, labels.size())))
                        + (labels.size() > 10 ? ", ..." : "") + "): name each class folder as"
                        + " the model names its class");
            }
        }
        int[] y = new int[this.labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = map[this.labels[i]];
        }
        return new ImageDataset(name, channels, height, width, pixels, y, labels);
    }
}
