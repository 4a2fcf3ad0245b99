package org.resnetexplorer.engine.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG, JPEG (CMYK and progressive too, through TwelveMonkeys), BMP, GIF (first frame) and
 * TIFF files of any size with bounded memory: a large image is subsampled while it is decoded,
 * so a 100-megapixel photo never exists as a full RGB copy. Grey images keep their exact values
 * (no colour-space conversion), so a saved Fashion-MNIST image reads back bit for bit.
 */
public final class ImageLoader {

    /** Longest side kept while decoding; networks here take at most 224 pixels. */
    public static final int DEFAULT_MAX_SIDE = 1024;

    private static final java.util.regex.Pattern DAMAGE = java.util.regex.Pattern.compile(
            "(?i)premature|corrupt|truncat|end of (file|stream)|missing|invalid|bad huffman");

    static {
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    private ImageLoader() {
    }

    public static DecodedImage read(Path file) throws ImageReadException {
        return read(file, DEFAULT_MAX_SIDE);
    }

    public static DecodedImage read(Path file, int maxSide) throws ImageReadException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new ImageReadException(name + ": no such file", null);
            }
            if (Files.size(file) == 0) {
                throw new ImageReadException(name + ": the file is empty", null);
            }
        } catch (IOException e) {
            throw new ImageReadException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ImageReadException(name + ": cannot be opened", null);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageReadException(name + ": not an image in a format this app reads"
                        + " (PNG, JPEG, BMP, GIF, TIFF)", null);
            }
            ImageReader reader = readers.next();
            StringBuilder warnings = new StringBuilder();
            // decoders warn rather than fail on a cut-off file; other warnings are harmless
            IIOReadWarningListener listener = (source, warning) -> {
                if (DAMAGE.matcher(warning).find()) {
                    warnings.append(warning);
                }
            };
            reader.addIIOReadWarningListener(listener);
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw new ImageReadException(name + ": the image has no pixels", null);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.max(width, height) / (double) maxSide);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (warnings.length() > 0) {
                    throw new ImageReadException(name + ": the image is damaged or truncated ("
                            + warnings + ")", null);
                }
                return decode(image, width, height);
            } finally {
                reader.dispose();
            }
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(name + ": the image is damaged, truncated or uses an"
                    + " unsupported variant of its format (" + describe(e) + ")", e);
        } catch (OutOfMemoryError e) {
            throw new ImageReadException(name + ": too large to decode in the memory available",
                    e);
        }
    }

    /** Float planes from any BufferedImage; grey stays grey with its exact sample values. */
    static DecodedImage decode(BufferedImage image, int originalWidth, int originalHeight) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        boolean grey = cm.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
                && cm.getNumColorComponents() == 1
                && !(cm instanceof java.awt.image.IndexColorModel);
        if (grey) {
            float[] y = new float[w * h];
            float max = (1 << cm.getComponentSize(0)) - 1;
            boolean alpha = cm.hasAlpha() && raster.getNumBands() > 1;
            float amax = alpha ? (1 << cm.getComponentSize(1)) - 1 : 1;
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    float v = raster.getSample(c, r, 0) / max;
                    if (alpha) {
                        float a = raster.getSample(c, r, 1) / amax;
                        v = v * a + (1 - a);
                    }
                    y[r * w + c] = v;
                }
            }
            return new DecodedImage(new float[][] {y}, w, h, originalWidth, originalHeight);
        }
        float[] red = new float[w * h];
        float[] green = new float[w * h];
        float[] blue = new float[w * h];
        int[] row = new int[w];
        for (int r = 0; r < h; r++) {
            image.getRGB(0, r, w, 1, row, 0, w);
            for (int c = 0; c < w; c++) {
                int argb = row[c];
                float a = (argb >>> 24) / 255f;
                int i = r * w + c;
                red[i] = ((argb >> 16) & 0xFF) / 255f * a + (1 - a);
                green[i] = ((argb >> 8) & 0xFF) / 255f * a + (1 - a);
                blue[i] = (argb & 0xFF) / 255f * a + (1 - a);
            }
        }
        return new DecodedImage(new float[][] {red, green, blue}, w, h, originalWidth,
                originalHeight);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
