package org.resnetexplorer.app.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.resnetexplorer.engine.ShippedModels;
import org.resnetexplorer.engine.UserModels;
import org.resnetexplorer.engine.zoo.ZooResNet;

/**
 * One entry of the model chooser: a shipped model, one the user added under
 * ~/.resnet-explorer/models (a downloaded ImageNet ResNet), a model folder the user picked, an
 * ImageNet ResNet still to download, or the network currently in the editor (with untrained
 * weights, and said so).
 */
public record ModelChoice(String label, Kind kind, Path folder) {

    public enum Kind { SHIPPED, USER, FOLDER, ZOO, EDITOR }

    /** A model folder the user picked on disk, labelled with its name and where it is. */
    public static ModelChoice folder(Path dir) {
        return new ModelChoice(dir.getFileName() + "  (" + dir.getParent() + ")", Kind.FOLDER,
                dir);
    }

    /** An ImageNet ResNet of DJL's model zoo that is not on this computer yet. */
    public static ModelChoice zoo(ZooResNet which) {
        return new ModelChoice(which.title() + " · download, about " + which.megabytes()
                + " MB", Kind.ZOO, which.installedFolder());
    }

    /**
     * What a model chooser offers: the shipped models whose names pass {@code shipped}, the
     * user's own models, the folders already in {@code current}, the ImageNet ResNets still to
     * download when {@code downloads}, then the editor's network.
     */
    public static List<ModelChoice> offered(List<ModelChoice> current, Predicate<String> shipped,
            boolean downloads) {
        List<ModelChoice> list = new ArrayList<>();
        ShippedModels.list().forEach((name, dir) -> {
            if (shipped.test(name)) {
                list.add(new ModelChoice(name, Kind.SHIPPED, dir));
            }
        });
        UserModels.list().forEach((name, dir) -> list.add(new ModelChoice(name, Kind.USER, dir)));
        current.stream().filter(c -> c.kind() == Kind.FOLDER).forEach(list::add);
        if (downloads) {
            ZooResNet.ALL.stream().filter(z -> !z.isInstalled()).map(ModelChoice::zoo)
                    .forEach(list::add);
        }
        list.add(editor());
        return list;
    }

    public static ModelChoice editor() {
        return new ModelChoice("Network in the editor (untrained weights)", Kind.EDITOR, null);
    }

    /** The zoo network this entry downloads (for {@link Kind#ZOO}). */
    public Optional<ZooResNet> zooResNet() {
        return kind == Kind.ZOO ? ZooResNet.find(folder.getFileName().toString())
                : Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}
