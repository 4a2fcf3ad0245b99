package org.resnetexplorer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's network-wide shortcut choices (He et al. 2015, section 4.1): A pads with zeros
 * where the shape changes, B projects where it changes, C projects everywhere; identity elsewhere.
 */
public enum ShortcutOption {
    A,
    B,
    C;

    public NetworkSpec applyTo(NetworkSpec spec) {
        int channels = spec.stem().outChannels();
        List<StageSpec> stages = new ArrayList<>();
        for (StageSpec stage : spec.stages()) {
            List<BlockSpec> blocks = new ArrayList<>();
            for (BlockSpec b : stage.blocks()) {
                blocks.add(b.withShortcut(shortcutFor(b.changesShape(channels))));
                channels = b.outChannels();
            }
            stages.add(new StageSpec(blocks));
        }
        return new NetworkSpec(spec.name(), spec.input(), spec.stem(), stages, spec.head(),
                spec.numClasses());
    }

    public ShortcutKind shortcutFor(boolean shapeChanges) {
        return switch (this) {
            case A -> shapeChanges ? ShortcutKind.ZERO_PAD : ShortcutKind.IDENTITY;
            case B -> shapeChanges ? ShortcutKind.PROJECTION : ShortcutKind.IDENTITY;
            case C -> ShortcutKind.PROJECTION;
        };
    }
}
