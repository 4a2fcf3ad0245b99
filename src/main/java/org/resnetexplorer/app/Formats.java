package org.resnetexplorer.app;

import java.util.Locale;

/** How numbers look everywhere in the window; one place so the status bar and tables agree. */
public final class Formats {

    private Formats() {
    }

    /** 21797672 -> "21,797,672": teachers compare these digit by digit with the paper. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Multiply-adds in billions, three decimals like torchvision's tables: "3.664 G". */
    public static String giga(long value) {
        return String.format(Locale.ROOT, "%.3f G", value / 1e9);
    }

    public static String bytes(long value) {
        if (value < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", value / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", value / (1024.0 * 1024.0));
    }
}
