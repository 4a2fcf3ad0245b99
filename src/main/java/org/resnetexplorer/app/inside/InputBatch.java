package org.resnetexplorer.app.inside;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.engine.data.DatasetNotFoundException;
import org.resnetexplorer.engine.data.FashionMnist;
import org.resnetexplorer.engine.data.ImageDataset;
import org.resnetexplorer.engine.image.DecodedImage;
import org.resnetexplorer.engine.image.ImageLoader;
import org.resnetexplorer.engine.image.ImagePreprocessor;
import org.resnetexplorer.engine.image.ImageReadException;
import org.resnetexplorer.engine.image.PreparedImage;
import org.resnetexplorer.model.InputShape;

/**
 * A batch of normalised images for a probe: Fashion-MNIST test images when the data set is
 * installed, else the labelled sample images. Layer responses and gradients are statistics over
 * a batch; one image alone would make them depend on that image. Plain Java, no engine.
 *
 * @param x {@code count} normalised images, C x H x W each
 * @param labels the class of each image (the first may be -1: an image without a known class)
 * @param first the first image as the network sees it, before normalisation
 * @param source what the images are, for the view's caption
 */
public record InputBatch(float[] x, float[] labels, int count, PreparedImage first,
        String source) {

    /** Images whose activations fit in about 200 000 values each are batched up to 32. */
    public static int sizeFor(InputShape shape) {
        long values = (long) shape.channels() * shape.height() * shape.width();
        return (int) Math.max(1, Math.min(32, 200_000 / values));
    }

    /**
     * @param first an image to put first (its feature maps are the ones shown), or null
     * @param max at most this many images in all
     */
    public static InputBatch make(ImageChoice first, InputShape shape, Preprocessing pp,
            int max) throws ImageReadException {
        int size = shape.channels() * shape.height() * shape.width();
        List<float[]> images = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        PreparedImage shown = null;
        if (first != null) {
            shown = ImagePreprocessor.prepare(ImageLoader.read(first.file()), shape, pp);
            images.add(ImagePreprocessor.normalised(shown, pp));
            labels.add((float) first.label());
        }
        String source = fill(images, labels, shape, pp, max, first);
        float[] x = new float[images.size() * size];
        float[] y = new float[images.size()];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, x, i * size, size);
            y[i] = labels.get(i);
        }
        return new InputBatch(x, y, images.size(), shown, source);
    }

    private static String fill(List<float[]> images, List<Float> labels, InputShape shape,
            Preprocessing pp, int max, ImageChoice first) {
        int wanted = max - images.size();
        String lead = first == null ? "" : "the chosen image and ";
        if (wanted <= 0) {
            return "the chosen image";
        }
        ImageDataset test = FashionTestSet.get();
        if (test != null) {
            int n = Math.min(wanted, test.size());
            for (int i = 0; i < n; i++) {
                float[] plane = new float[test.imageSize()];
                test.copyImage(i, plane, 0);
                add(images, new DecodedImage(new float[][] {plane}, test.width(), test.height(),
                        test.width(), test.height()), shape, pp);
                labels.add((float) test.labels()[i]);
            }
            return lead + n + " Fashion-MNIST test images";
        }
        int n = 0;
        for (ImageChoice c : SampleImages.labelled()) {
            if (n == wanted) {
                break;
            }
            if (first != null && c.file().equals(first.file())) {
                continue;
            }
            try {
                add(images, ImageLoader.read(c.file()), shape, pp);
                labels.add((float) c.label());
                n++;
            } catch (ImageReadException e) {
                // a damaged sample is left out of the batch; the others are enough
            }
        }
        return lead + n + " sample images (Fashion-MNIST is not installed)";
    }

    private static void add(List<float[]> images, DecodedImage d, InputShape shape,
            Preprocessing pp) {
        images.add(ImagePreprocessor.normalised(ImagePreprocessor.prepare(d, shape, pp), pp));
    }

    /** Reads the test set once per run of the app: ten thousand images, 8 MB. */
    static final class FashionTestSet {
        private static ImageDataset cached;
        private static boolean looked;

        static synchronized ImageDataset get() {
            if (!looked) {
                looked = true;
                try {
                    Path dir = FashionMnist.locate();
                    cached = FashionMnist.test(dir).limit(256);
                } catch (DatasetNotFoundException | java.io.IOException e) {
                    cached = null;
                }
            }
            return cached;
        }
    }
}
