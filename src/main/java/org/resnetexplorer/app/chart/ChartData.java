package org.resnetexplorer.app.chart;

import java.util.List;

/**
 * What one chart shows: its titles and curves. The view turns it into a JFreeChart; the same
 * numbers become the chart's CSV file.
 *
 * @param logY true for a logarithmic y axis (gradient norms span orders of magnitude)
 */
public record ChartData(String title, String xLabel, String yLabel, boolean logY,
        List<Curve> curves) {

    public ChartData {
        curves = List.copyOf(curves);
    }

    public static ChartData empty(String title, String xLabel, String yLabel, boolean logY) {
        return new ChartData(title, xLabel, yLabel, logY, List.of());
    }

    public boolean isEmpty() {
        return curves.stream().allMatch(c -> c.size() == 0);
    }
}
