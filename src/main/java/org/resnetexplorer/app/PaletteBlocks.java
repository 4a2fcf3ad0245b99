package org.resnetexplorer.app;

import org.resnetexplorer.model.BlockKind;
import org.resnetexplorer.model.BlockSpec;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.ShortcutKind;
import org.resnetexplorer.model.StageSpec;

/**
 * The block a palette drop creates. It keeps the tensor shape where it lands (same channels,
 * stride 1, identity shortcut), so a fresh drop never makes a valid network invalid; the
 * teacher then widens or strides it in the inspector and watches the shortcut need to change.
 */
public final class PaletteBlocks {

    private PaletteBlocks() {
    }

    public static BlockSpec create(BlockKind kind, int inChannels) {
        if (kind == BlockKind.BASIC) {
            return BlockSpec.basic(inChannels, 1, ShortcutKind.IDENTITY);
        }
        return BlockSpec.bottleneck(Math.max(1, inChannels / 4), inChannels, 1,
                ShortcutKind.IDENTITY);
    }

    /** Channels arriving at insertion point {@code index} of stage {@code stage}. */
    public static int channelsBefore(NetworkSpec spec, int stage, int index) {
        int channels = spec.stem().outChannels();
        for (int s = 0; s <= stage && s < spec.stages().size(); s++) {
            StageSpec st = spec.stages().get(s);
            int end = s == stage ? Math.min(index, st.blocks().size()) : st.blocks().size();
            for (int b = 0; b < end; b++) {
                channels = st.blocks().get(b).outChannels();
            }
        }
        return channels;
    }
}
