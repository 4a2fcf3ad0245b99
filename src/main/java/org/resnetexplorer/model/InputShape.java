package org.resnetexplorer.model;

import java.util.List;

/** Channels, height and width of one input image. */
public record InputShape(int channels, int height, int width) {

    public List<Integer> asList() {
        return List.of(channels, height, width);
    }

    /** Parses "C,H,W" (also "CxHxW"). */
    public static InputShape parse(String text) {
        String[] parts = text.trim().split("\\s*[,xX]\\s*");
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "input shape '" + text + "' must be three numbers C,H,W, e.g. 3,224,224");
        }
        try {
            return new InputShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "input shape '" + text + "' must be three whole numbers C,H,W, e.g. 1,28,28");
        }
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
