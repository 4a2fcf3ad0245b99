package org.resnetexplorer.app.inside;

import java.util.Locale;

/** Numbers for people: 1.2e-1 rather than 1.2000e-01, and 3 600× rather than 3600.0. */
public final class Sci {

    private Sci() {
    }

    /** Two significant digits in scientific notation: "1.2e-1", "4.5e+2". */
    public static String of(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(v)));
        double mant = v / Math.pow(10, exp);
        if (Math.abs(Math.round(mant * 10) / 10.0) >= 10) {
            mant /= 10;
            exp++;
        }
        return String.format(Locale.ROOT, "%.1fe%s%d", mant, exp < 0 ? "-" : "+",
                Math.abs(exp));
    }

    /** A factor, two significant digits, thousands grouped by a space: "3 600×", "1.8×". */
    public static String factor(double f) {
        if (!Double.isFinite(f)) {
            return "—";
        }
        if (f < 10) {
            return String.format(Locale.ROOT, "%.1f×", f);
        }
        int digits = (int) Math.floor(Math.log10(f)) + 1;
        double unit = Math.pow(10, digits - 2);
        long rounded = Math.round(f / unit) * (long) unit;
        return String.format(Locale.ROOT, "%,d×", rounded).replace(',', ' ');
    }
}
