package org.resnetexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

    private static NetworkSpec replaceBlock(NetworkSpec spec, int stage, int block, BlockSpec b) {
        List<StageSpec> stages = new ArrayList<>(spec.stages());
        List<BlockSpec> blocks = new ArrayList<>(stages.get(stage).blocks());
        blocks.set(block, b);
        stages.set(stage, new StageSpec(blocks));
        return new NetworkSpec(spec.name(), spec.input(), spec.stem(), stages, spec.head(),
                spec.numClasses());
    }

    @Test
    void identityWhereShapeChangesNamesBlockAndSuggestsFix() {
        NetworkSpec spec = Presets.get("resnet20");
        NetworkSpec bad = replaceBlock(spec, 1, 0, BlockSpec.basic(32, 2, ShortcutKind.IDENTITY));
        List<SpecProblem> problems = SpecValidator.validate(bad);
        assertEquals(1, problems.size());
        String msg = problems.get(0).toString();
        assertTrue(msg.startsWith("stage 2, block 1: "), msg);
        assertTrue(msg.contains("zero-padding (A) or projection (B)"), msg);
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> NetworkAnalysis.of(bad));
        assertTrue(e.getMessage().contains("stage 2, block 1"), e.getMessage());
    }

    @Test
    void anEvenStemKernelIsRefusedWithTheReason() {
        NetworkSpec spec = Presets.get("resnet20");
        NetworkSpec bad = new NetworkSpec(spec.name(), spec.input(), new StemSpec(16, 4, 1, false),
                spec.stages(), spec.head(), spec.numClasses());
        List<SpecProblem> problems = SpecValidator.validate(bad);
        assertEquals(1, problems.size());
        assertEquals("the stem's kernel must be odd (1, 3, 5, 7, ...) so that it keeps the image"
                + " centred, not 4", problems.get(0).toString());
    }

    @Test
    void zeroPadCannotRemoveChannels() {
        NetworkSpec spec = Presets.get("resnet20");
        NetworkSpec bad = replaceBlock(spec, 2, 0, BlockSpec.basic(8, 2, ShortcutKind.ZERO_PAD));
        String msg = SpecValidator.validate(bad).get(0).toString();
        assertTrue(msg.startsWith("stage 3, block 1: a zero-padding shortcut"), msg);
        assertTrue(msg.contains("projection"), msg);
    }

    @Test
    void emptyStageAndBadWidthsAreReported() {
        NetworkSpec spec = Presets.get("resnet20");
        List<StageSpec> stages = new ArrayList<>(spec.stages());
        stages.add(new StageSpec(List.of()));
        NetworkSpec bad = new NetworkSpec("x", spec.input(), spec.stem(), stages, spec.head(), 0);
        List<String> msgs = SpecValidator.validate(bad).stream().map(Object::toString).toList();
        assertTrue(msgs.contains("stage 4: the stage has no blocks: add a block or remove the stage"),
                msgs.toString());
        assertTrue(msgs.stream().anyMatch(m -> m.contains("at least 1 class")), msgs.toString());
    }
}
