package org.resnetexplorer.model;

import java.util.List;

/** A run of blocks at one resolution; its first block usually changes width and stride. */
public record StageSpec(List<BlockSpec> blocks) {

    public StageSpec {
        blocks = List.copyOf(blocks);
    }
}
