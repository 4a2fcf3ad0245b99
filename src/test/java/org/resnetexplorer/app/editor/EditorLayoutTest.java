package org.resnetexplorer.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.app.BlockPath;
import org.resnetexplorer.model.BlockKind;
import org.resnetexplorer.model.NetworkAnalysis;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;
import org.resnetexplorer.model.ShortcutKind;
import org.resnetexplorer.model.SpecEdit;
import org.resnetexplorer.model.SpecValidator;

class EditorLayoutTest {

    private static EditorLayout layout(NetworkSpec spec) {
        List<org.resnetexplorer.model.SpecProblem> problems = SpecValidator.validate(spec);
        return EditorLayout.of(spec, problems.isEmpty() ? NetworkAnalysis.of(spec) : null,
                problems, r -> false);
    }

    @Test
    void resnet152FoldsItsLongRunsAndLabelsTheStages() {
        EditorLayout l = layout(Presets.get("resnet152"));
        List<EditorLayout.Row> stages = l.stageRows();
        assertEquals(4, stages.size());
        assertEquals("stage 1 · 256 ch", stages.get(0).title());
        // stage 3: one projection block then 35 identical ones folded into one card
        List<EditorLayout.Item> items = stages.get(2).items();
        assertEquals(2, items.size());
        assertEquals(35, items.get(1).run().count());
        assertEquals(EditorLayout.ItemKind.RUN, items.get(1).kind());
        assertEquals("proj", items.get(0).arc().label());
        assertEquals(ShortcutKind.IDENTITY, items.get(1).arc().kind());
        // the edge into stage 2 carries stage 1's output
        assertEquals("256×56×56", stages.get(1).edges().get(0).shape());
    }

    @Test
    void unfoldedRunsShowEveryBlock() {
        NetworkSpec spec = Presets.get("resnet110");
        EditorLayout l = EditorLayout.of(spec, NetworkAnalysis.of(spec), List.of(), r -> true);
        assertEquals(18, l.stageRows().get(0).items().size());
        assertEquals(List.of(new BlockRun(0, 0, 18, spec.stages().get(0).blocks().get(0))),
                BlockRun.itemsOf(0, spec.stages().get(0).blocks(), r -> false));
    }

    @Test
    void plainTwinHasNoArcs() {
        EditorLayout l = layout(Presets.get("resnet20").plainTwin());
        assertTrue(l.stageRows().stream().flatMap(r -> r.items().stream())
                .allMatch(i -> i.arc() == null));
        EditorLayout res = layout(Presets.get("resnet20"));
        assertEquals("pad", res.stageRows().get(1).items().get(0).arc().label());
    }

    @Test
    void problemsMarkTheirBlockAndStage() {
        NetworkSpec bad = new SpecEdit.ReplaceBlock(1, 0, Presets.get("resnet20").stages().get(1)
                .blocks().get(0).withShortcut(ShortcutKind.IDENTITY))
                .applyTo(Presets.get("resnet20"));
        EditorLayout l = layout(bad);
        EditorLayout.Row stage2 = l.stageRows().get(1);
        assertNotNull(stage2.items().get(0).problem());
        assertNull(stage2.items().get(1).problem());
        assertTrue(stage2.messages().get(0).startsWith("block 1: an identity shortcut"));
        assertEquals("", stage2.edges().get(1).shape(), "no shapes while invalid");
    }

    @Test
    void dropPositionsMapToInsertionPoints() {
        EditorLayout l = layout(Presets.get("resnet20"));
        EditorLayout.Row stage2 = l.stageRows().get(1);
        double y = stage2.lineY();
        assertEquals(new DropTarget.BlockSlot(1, 0), l.dropTargetAt(0, y, false));
        EditorLayout.Item second = stage2.items().get(1);
        assertEquals(new DropTarget.BlockSlot(1, 1), l.dropTargetAt(second.x() + 5, y, false));
        assertEquals(new DropTarget.BlockSlot(1, 2), l.dropTargetAt(second.right() - 5, y,
                false));
        assertEquals(new DropTarget.BlockSlot(1, 3), l.dropTargetAt(l.width(), y, false));
        assertEquals(new DropTarget.BlockSlot(0, 3), l.dropTargetAt(l.width(), 0, false),
                "above the first stage counts as the first stage");
        assertEquals(new DropTarget.StageSlot(3), l.dropTargetAt(0, l.height(), true));
        assertEquals(new DropTarget.StageSlot(1), l.dropTargetAt(0, stage2.y() + 5, true));
    }

    @Test
    void payloadsSurviveTheDragboard() {
        for (DragPayload p : List.of(new DragPayload.NewBlock(BlockKind.BOTTLENECK),
                new DragPayload.NewStage(), new DragPayload.MoveBlock(new BlockPath(2, 7)))) {
            assertEquals(p, DragPayload.decode(p.encode()).orElseThrow());
        }
        assertTrue(DragPayload.decode("hello world").isEmpty());
        assertTrue(DragPayload.decode("new-block:WIDE").isEmpty());
        assertTrue(DragPayload.decode(null).isEmpty());
    }
}
