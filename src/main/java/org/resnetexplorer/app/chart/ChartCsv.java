package org.resnetexplorer.app.chart;

import java.util.Locale;

/**
 * A chart's numbers as CSV, one row per point, so a teacher can redraw them in a spreadsheet.
 * Long format (series, x, label, y) because the curves of one chart need not share their x.
 */
public final class ChartCsv {

    private ChartCsv() {
    }

    public static String of(ChartData chart) {
        StringBuilder sb = new StringBuilder("series,").append(column(chart.xLabel()))
                .append(",label,").append(column(chart.yLabel())).append('\n');
        for (Curve c : chart.curves()) {
            for (int i = 0; i < c.size(); i++) {
                sb.append(quote(c.name())).append(',').append(number(c.x()[i])).append(',')
                        .append(quote(c.label(i))).append(',').append(number(c.y()[i]))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** Axis labels become column names: no commas or quotes, lower case, words joined by _. */
    static String column(String axisLabel) {
        String s = axisLabel.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9|()/.-]+", "_")
                .replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "value" : s;
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
