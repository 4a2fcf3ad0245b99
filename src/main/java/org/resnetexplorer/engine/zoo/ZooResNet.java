package org.resnetexplorer.engine.zoo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.resnetexplorer.engine.ModelFolder;
import org.resnetexplorer.engine.UserModels;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;

/**
 * An ImageNet-trained ResNet of DJL's MXNet model zoo: Gluon's {@code resnetN_v1}, the paper's
 * network (bottleneck stride in the first 1x1 convolution), 1000 ImageNet classes.
 *
 * @param layers 18, 34, 50, 101 or 152
 * @param megabytes about how much the download weighs, to say before it starts
 */
public record ZooResNet(int layers, int megabytes) {

    public static final List<ZooResNet> ALL = List.of(new ZooResNet(18, 45),
            new ZooResNet(34, 85), new ZooResNet(50, 100), new ZooResNet(101, 170),
            new ZooResNet(152, 230));

    /** The zoo's artifact name, e.g. {@code resnet50_v1}. */
    public String artifact() {
        return "resnet" + layers + "_v1";
    }

    /** The model folder it becomes, e.g. {@code resnet50-imagenet}. */
    public String folderName() {
        return "resnet" + layers + "-imagenet";
    }

    /** Where the converted model folder lives once downloaded. */
    public Path installedFolder() {
        return UserModels.root().resolve(folderName());
    }

    public boolean isInstalled() {
        return ModelFolder.isModelFolder(installedFolder());
    }

    /** "ResNet-50 (ImageNet)" */
    public String title() {
        return "ResNet-" + layers + " (ImageNet)";
    }

    /** The architecture: the preset with the paper's v1 bottleneck, named as its folder. */
    public NetworkSpec spec() {
        return Presets.get("resnet" + layers).mapBlocks(b -> b.withStrideIn3x3(false))
                .withName(folderName());
    }

    /** Finds "resnet50", "resnet50-imagenet", "resnet50_v1" or "50". */
    public static Optional<ZooResNet> find(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace("resnet", "")
                .replace("-imagenet", "").replace("_v1", "").replace("-", "");
        return ALL.stream().filter(z -> Integer.toString(z.layers()).equals(key)).findFirst();
    }

    public static ZooResNet get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("DJL's MXNet model zoo"
                + " has no ImageNet ResNet called '" + name + "': choose resnet18, resnet34,"
                + " resnet50, resnet101 or resnet152"));
    }
}
