package org.resnetexplorer.engine.image;

/**
 * An image as float planes on a 0..1 scale, alpha already composited onto white.
 *
 * @param planes one plane (grey) or three (red, green, blue), each width x height, row-major
 * @param originalWidth width of the file's image before any reduction while reading
 * @param originalHeight height of the file's image before any reduction while reading
 */
public record DecodedImage(float[][] planes, int width, int height, int originalWidth,
        int originalHeight) {

    public boolean isGrey() {
        return planes.length == 1;
    }
}
