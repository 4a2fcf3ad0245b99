package org.resnetexplorer.model;

import java.util.List;
import java.util.function.UnaryOperator;

/** A whole network as data: everything the engine needs to build it, nothing engine-specific. */
public record NetworkSpec(String name, InputShape input, StemSpec stem, List<StageSpec> stages,
        HeadSpec head, int numClasses) {

    public NetworkSpec {
        stages = List.copyOf(stages);
    }

    /** The same network with every skip connection removed: the paper's "plain" baseline. */
    public NetworkSpec plainTwin() {
        String twinName = name.startsWith("plain-") ? name : "plain-" + name;
        return mapBlocks(b -> b.withShortcut(ShortcutKind.NONE)).withName(twinName);
    }

    public boolean isPlain() {
        return stages.stream().flatMap(s -> s.blocks().stream())
                .allMatch(b -> b.shortcut() == ShortcutKind.NONE);
    }

    public NetworkSpec withName(String value) {
        return new NetworkSpec(value, input, stem, stages, head, numClasses);
    }

    public NetworkSpec withInput(InputShape value) {
        return new NetworkSpec(name, value, stem, stages, head, numClasses);
    }

    public NetworkSpec withNumClasses(int value) {
        return new NetworkSpec(name, input, stem, stages, head, value);
    }

    public NetworkSpec mapBlocks(UnaryOperator<BlockSpec> f) {
        List<StageSpec> mapped = stages.stream()
                .map(s -> new StageSpec(s.blocks().stream().map(f).toList())).toList();
        return new NetworkSpec(name, input, stem, mapped, head, numClasses);
    }

    public int blockCount() {
        return stages.stream().mapToInt(s -> s.blocks().size()).sum();
    }
}
