package org.resnetexplorer.app.chart;

import java.awt.Color;

/**
 * The two colours every view uses: blue for the ResNet, orange for the plain twin, chosen to stay
 * apart for colour-blind viewers and on a washed-out projector.
 */
public final class TwinColours {

    public static final Color RESNET = new Color(0x1F, 0x5F, 0xD0);
    public static final Color PLAIN = new Color(0xE3, 0x6C, 0x0A);
    public static final Color THIRD = new Color(0x2A, 0x9D, 0x5C);
    public static final Color FOURTH = new Color(0x8E, 0x44, 0xAD);

    private TwinColours() {
    }

    /** The n-th series colour: ResNet first, plain second, then two more for extra series. */
    public static Color series(int n) {
        return switch (n % 4) {
            case 0 -> RESNET;
            case 1 -> PLAIN;
            case 2 -> THIRD;
            default -> FOURTH;
        };
    }
}
