package org.resnetexplorer.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reference networks: torchvision's ImageNet ResNets (3x224x224, 1000 classes, option B,
 * bottleneck stride in the 3x3 as in "v1.5") and the paper's CIFAR ResNets (3x32x32, 10 classes,
 * option A), each also as a pre-activation variant ("preact-resnet56").
 */
public final class Presets {

    private static final Map<String, Supplier<NetworkSpec>> BASE = new LinkedHashMap<>();

    static {
        BASE.put("resnet18", () -> imagenet("resnet18", false, 2, 2, 2, 2));
        BASE.put("resnet34", () -> imagenet("resnet34", false, 3, 4, 6, 3));
        BASE.put("resnet50", () -> imagenet("resnet50", true, 3, 4, 6, 3));
        BASE.put("resnet101", () -> imagenet("resnet101", true, 3, 4, 23, 3));
        BASE.put("resnet152", () -> imagenet("resnet152", true, 3, 8, 36, 3));
        for (int depth : new int[] {20, 32, 44, 56, 110}) {
            BASE.put("resnet" + depth, () -> cifar("resnet" + depth, (depth - 2) / 6));
        }
    }

    private Presets() {
    }

    /** Names of every preset, base networks first, then their pre-activation variants. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(BASE.keySet());
        BASE.keySet().forEach(n -> names.add("preact-" + n));
        return names;
    }

    /** The base preset names (no pre-activation variants). */
    public static List<String> baseNames() {
        return List.copyOf(BASE.keySet());
    }

    /**
     * Looks a preset up by name, case-insensitively: "resnet50", "preact-resnet56", and
     * "plain-resnet20" for the plain twin of any of them.
     */
    public static Optional<NetworkSpec> find(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.startsWith("plain-")) {
            return find(key.substring(6)).map(NetworkSpec::plainTwin);
        }
        if (key.startsWith("preact-")) {
            return Optional.ofNullable(BASE.get(key.substring(7))).map(Supplier::get)
                    .map(Presets::preActivation);
        }
        return Optional.ofNullable(BASE.get(key)).map(Supplier::get);
    }

    public static NetworkSpec get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown network '"
                + name + "': choose one of " + String.join(", ", names())
                + " (or plain-<name>, or a *.resnet.json file)"));
    }

    /** The He et al. 2016 variant: BN-ReLU before each convolution, a final BN-ReLU in the head. */
    public static NetworkSpec preActivation(NetworkSpec spec) {
        NetworkSpec pre = spec.mapBlocks(b -> b.withPreActivation(true));
        return new NetworkSpec(spec.name().startsWith("preact-") ? spec.name()
                : "preact-" + spec.name(), pre.input(), pre.stem(), pre.stages(),
                new HeadSpec(true), pre.numClasses());
    }

    private static NetworkSpec imagenet(String name, boolean bottleneck, int... depths) {
        List<StageSpec> stages = new ArrayList<>();
        int[] widths = {64, 128, 256, 512};
        for (int s = 0; s < depths.length; s++) {
            List<BlockSpec> blocks = new ArrayList<>();
            for (int b = 0; b < depths[s]; b++) {
                int stride = b == 0 && s > 0 ? 2 : 1;
                blocks.add(bottleneck
                        ? BlockSpec.bottleneck(widths[s], widths[s] * 4, stride, ShortcutKind.IDENTITY)
                        : BlockSpec.basic(widths[s], stride, ShortcutKind.IDENTITY));
            }
            stages.add(new StageSpec(blocks));
        }
        NetworkSpec spec = new NetworkSpec(name, new InputShape(3, 224, 224), StemSpec.imagenet(),
                stages, HeadSpec.standard(), 1000);
        return ShortcutOption.B.applyTo(spec);
    }

    private static NetworkSpec cifar(String name, int blocksPerStage) {
        List<StageSpec> stages = new ArrayList<>();
        int[] widths = {16, 32, 64};
        for (int s = 0; s < widths.length; s++) {
            List<BlockSpec> blocks = new ArrayList<>();
            for (int b = 0; b < blocksPerStage; b++) {
                blocks.add(BlockSpec.basic(widths[s], b == 0 && s > 0 ? 2 : 1,
                        ShortcutKind.IDENTITY));
            }
            stages.add(new StageSpec(blocks));
        }
        NetworkSpec spec = new NetworkSpec(name, new InputShape(3, 32, 32), StemSpec.cifar(),
                stages, HeadSpec.standard(), 10);
        return ShortcutOption.A.applyTo(spec);
    }
}
