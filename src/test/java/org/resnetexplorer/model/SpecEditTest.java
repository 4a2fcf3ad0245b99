package org.resnetexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecEditTest {

    private final NetworkSpec r20 = Presets.get("resnet20");

    @Test
    void insertAndRemoveAreInverse() {
        BlockSpec b = BlockSpec.basic(16, 1, ShortcutKind.IDENTITY);
        NetworkSpec added = new SpecEdit.InsertBlock(0, 1, b).applyTo(r20);
        assertEquals(4, added.stages().get(0).blocks().size());
        assertEquals(r20, new SpecEdit.RemoveBlock(0, 1).applyTo(added));
    }

    @Test
    void moveWithinStageCountsInsertionPointBeforeTheMove() {
        NetworkSpec marked = new SpecEdit.ReplaceBlock(1, 0,
                BlockSpec.basic(99, 2, ShortcutKind.PROJECTION)).applyTo(r20);
        // dropping block 0 after block 2 (insertion point 3) puts it last
        NetworkSpec moved = new SpecEdit.MoveBlock(1, 0, 1, 3).applyTo(marked);
        assertEquals(99, moved.stages().get(1).blocks().get(2).outChannels());
        assertEquals(3, moved.stages().get(1).blocks().size());
    }

    @Test
    void moveBetweenStages() {
        NetworkSpec moved = new SpecEdit.MoveBlock(2, 0, 0, 0).applyTo(r20);
        assertEquals(4, moved.stages().get(0).blocks().size());
        assertEquals(2, moved.stages().get(2).blocks().size());
        assertEquals(64, moved.stages().get(0).blocks().get(0).outChannels());
    }

    @Test
    void stagesAndNetworkFields() {
        NetworkSpec more = new SpecEdit.InsertStage(3, new StageSpec(List.of())).applyTo(r20);
        assertEquals(4, more.stages().size());
        assertEquals(r20, new SpecEdit.RemoveStage(3).applyTo(more));
        assertEquals(100, new SpecEdit.SetNumClasses(100).applyTo(r20).numClasses());
        assertEquals(new InputShape(1, 28, 28),
                new SpecEdit.SetInput(new InputShape(1, 28, 28)).applyTo(r20).input());
        NetworkSpec b = new SpecEdit.ApplyShortcutOption(ShortcutOption.B).applyTo(r20);
        assertEquals(ShortcutKind.PROJECTION, b.stages().get(1).blocks().get(0).shortcut());
    }
}
