package org.resnetexplorer.engine.train;

import java.util.Random;
import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.engine.data.ImageDataset;

/**
 * Turns dataset images into normalised float batches, in Java (cheap at 28x28, and no native
 * memory until the batch is handed to the engine). Augmentation as in the paper's CIFAR runs:
 * pad by 2 (Fashion-MNIST is smaller than CIFAR), random crop back, random horizontal flip.
 */
public final class BatchMaker {

    private static final int PAD = 2;

    private final ImageDataset data;
    private final Preprocessing norm;
    private final boolean augment;
    private final Random random;

    public BatchMaker(ImageDataset data, Preprocessing norm, boolean augment, long seed) {
        this.data = data;
        this.norm = norm;
        this.augment = augment;
        this.random = new Random(seed);
    }

    /** Fills {@code x} (count images) and {@code y} from the given dataset indices. */
    public void fill(int[] indices, int from, int count, float[] x, float[] y) {
        int size = data.imageSize();
        float[] plain = augment ? new float[size] : null;
        for (int b = 0; b < count; b++) {
            int i = indices[from + b];
            y[b] = data.labels()[i];
            if (augment) {
                data.copyImage(i, plain, 0);
                norm.apply(plain, 0, size);
                shiftAndFlip(plain, x, b * size);
            } else {
                data.copyImage(i, x, b * size);
                norm.apply(x, b * size, size);
            }
        }
    }

    private void shiftAndFlip(float[] src, float[] dst, int offset) {
        int c = data.channels();
        int h = data.height();
        int w = data.width();
        int dy = random.nextInt(2 * PAD + 1) - PAD;
        int dx = random.nextInt(2 * PAD + 1) - PAD;
        boolean flip = random.nextBoolean();
        // zero after normalisation would be grey; the padding must look like background (0 raw)
        for (int ch = 0; ch < c; ch++) {
            float background = norm.normalisedZero(ch);
            for (int r = 0; r < h; r++) {
                int sr = r + dy;
                for (int col = 0; col < w; col++) {
                    int sc = (flip ? w - 1 - col : col) + dx;
                    float v = sr < 0 || sr >= h || sc < 0 || sc >= w ? background
                            : src[(ch * h + sr) * w + sc];
                    dst[offset + (ch * h + r) * w + col] = v;
                }
            }
        }
    }

    /** A random permutation of 0..n-1 from this maker's generator. */
    public int[] shuffled(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }
}
