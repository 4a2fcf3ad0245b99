package org.resnetexplorer.app.chart;

import java.util.List;

/**
 * One line of a chart as plain numbers, so view models and tests never need a chart library.
 *
 * @param labels what each x stands for (a layer or block name), or empty when x says it all
 * @param look which network's colour, solid or dashed; AUTO colours by position
 */
public record Curve(String name, double[] x, double[] y, List<String> labels, Look look) {

    /** ResNet blue or plain orange, solid or dashed (train curves, earlier snapshots). */
    public enum Look { AUTO, RESNET, RESNET_DASHED, PLAIN, PLAIN_DASHED }

    public Curve(String name, double[] x, double[] y, List<String> labels) {
        this(name, x, y, labels, Look.AUTO);
    }

    public Curve with(Look value) {
        return new Curve(name, x, y, labels, value);
    }

    public Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " x values but "
                    + y.length + " y values");
        }
        labels = List.copyOf(labels);
    }

    /** y over depth 1, 2, 3, ... with the layer (or block) names as labels. */
    public static Curve overDepth(String name, List<String> labels, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        return new Curve(name, x, y, labels);
    }

    public int size() {
        return x.length;
    }

    public String label(int i) {
        return i < labels.size() ? labels.get(i) : "";
    }
}
