package org.resnetexplorer.app.classify;

import java.nio.file.Path;

/**
 * One entry of the model chooser: a shipped model, a model folder the user picked, or the
 * network currently in the editor (with untrained weights, and said so).
 */
public record ModelChoice(String label, Kind kind, Path folder) {

    public enum Kind { SHIPPED, FOLDER, EDITOR }

    public static ModelChoice editor() {
        return new ModelChoice("Network in the editor (untrained weights)", Kind.EDITOR, null);
    }

    @Override
    public String toString() {
        return label;
    }
}
