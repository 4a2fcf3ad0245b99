package org.resnetexplorer.app.inside;

/**
 * How the plain network is named wherever it appears: whether its weights were trained decides
 * what a teacher may conclude from it, so the word is never left out.
 */
public final class TwinLabel {

    private TwinLabel() {
    }

    public static String of(boolean trained) {
        return trained ? "trained twin" : "untrained twin";
    }

    /** "plain (trained twin)" as a chart series name. */
    public static String series(boolean trained) {
        return "plain (" + of(trained) + ")";
    }
}
