package org.resnetexplorer.app.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.resnetexplorer.engine.ShippedModels;

/**
 * One entry of the model chooser: a shipped model, a model folder the user picked, or the
 * network currently in the editor (with untrained weights, and said so).
 */
public record ModelChoice(String label, Kind kind, Path folder) {

    public enum Kind { SHIPPED, FOLDER, EDITOR }

    /** A model folder the user picked on disk, labelled with its name and where it is. */
    public static ModelChoice folder(Path dir) {
        return new ModelChoice(dir.getFileName() + "  (" + dir.getParent() + ")", Kind.FOLDER,
                dir);
    }

    /**
     * What a model chooser offers: the shipped models whose names pass {@code shipped}, then
     * the folders already in {@code current}, then the editor's network.
     */
    public static List<ModelChoice> offered(List<ModelChoice> current, Predicate<String> shipped) {
        List<ModelChoice> list = new ArrayList<>();
        ShippedModels.list().forEach((name, dir) -> {
            if (shipped.test(name)) {
                list.add(new ModelChoice(name, Kind.SHIPPED, dir));
            }
        });
        current.stream().filter(c -> c.kind() == Kind.FOLDER).forEach(list::add);
        list.add(editor());
        return list;
    }

    public static ModelChoice editor() {
        return new ModelChoice("Network in the editor (untrained weights)", Kind.EDITOR, null);
    }

    @Override
    public String toString() {
        return label;
    }
}
