package org.resnetexplorer.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.resnetexplorer.model.BlockSpec;

/**
 * One item of a stage as the editor draws it: a single block, or a run of identical consecutive
 * blocks folded into one card ("x 35"), which keeps ResNet-152 on one screen.
 *
 * @param stage 0-based stage
 * @param first 0-based index of the run's first block
 * @param count blocks in the run (1 for a single block)
 */
public record BlockRun(int stage, int first, int count, BlockSpec block) {

    /** Runs shorter than this stay unfolded: three identical blocks read fine, 35 do not. */
    public static final int FOLD_MIN = 4;

    public boolean folded() {
        return count > 1;
    }

    public boolean contains(int blockIndex) {
        return blockIndex >= first && blockIndex < first + count;
    }

    /** A stable-enough identity for remembering which runs the teacher unfolded. */
    public String key() {
        return stage + ":" + first;
    }

    /**
     * Splits a stage into items. A maximal run of at least {@link #FOLD_MIN} equal blocks
     * becomes one folded item unless {@code unfolded} says the teacher opened it.
     */
    public static List<BlockRun> itemsOf(int stage, List<BlockSpec> blocks,
            Predicate<BlockRun> unfolded) {
        List<BlockRun> items = new ArrayList<>();
        int i = 0;
        while (i < blocks.size()) {
            int j = i + 1;
            while (j < blocks.size() && blocks.get(j).equals(blocks.get(i))) {
                j++;
            }
            BlockRun run = new BlockRun(stage, i, j - i, blocks.get(i));
            if (run.count() >= FOLD_MIN && !unfolded.test(run)) {
                items.add(run);
            } else {
                for (int k = i; k < j; k++) {
                    items.add(new BlockRun(stage, k, 1, blocks.get(k)));
                }
            }
            i = j;
        }
        return items;
    }
}
