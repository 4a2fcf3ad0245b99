package org.resnetexplorer.model;

import java.util.ArrayList;
import java.util.List;

/** Finds everything that would stop a spec from being built, each with its stage and block. */
public final class SpecValidator {

    private SpecValidator() {
    }

    public static List<SpecProblem> validate(NetworkSpec spec) {
        List<SpecProblem> problems = new ArrayList<>();
        InputShape in = spec.input();
        if (in == null || in.channels() < 1 || in.height() < 1 || in.width() < 1) {
            problems.add(new SpecProblem(0, 0, "the input shape " + in
                    + " must have at least 1 channel and 1x1 pixels"));
            return problems;
        }
        if (spec.numClasses() < 1) {
            problems.add(new SpecProblem(0, 0, "the network needs at least 1 class, not "
                    + spec.numClasses()));
        }
        StemSpec stem = spec.stem();
        if (stem.outChannels() < 1 || stem.kernel() < 1 || stem.stride() < 1) {
            problems.add(new SpecProblem(0, 0, "the stem needs at least 1 channel, a kernel of"
                    + " at least 1 and a stride of at least 1"));
            return problems;
        }
        if (stem.kernel() % 2 == 0) {
            // padding k/2 on both sides makes an even kernel grow the image by one pixel
            problems.add(new SpecProblem(0, 0, "the stem's kernel must be odd (1, 3, 5, 7, ...)"
                    + " so that it keeps the image centred, not " + stem.kernel()));
        }
        if (spec.stages().isEmpty()) {
            problems.add(new SpecProblem(0, 0, "the network has no stages: add a stage with at"
                    + " least one block"));
        }
        int channels = stem.outChannels();
        for (int s = 0; s < spec.stages().size(); s++) {
            List<BlockSpec> blocks = spec.stages().get(s).blocks();
            if (blocks.isEmpty()) {
                problems.add(new SpecProblem(s + 1, 0, "the stage has no blocks: add a block or"
                        + " remove the stage"));
            }
            for (int b = 0; b < blocks.size(); b++) {
                BlockSpec block = blocks.get(b);
                checkBlock(block, channels, s + 1, b + 1, problems);
                channels = Math.max(1, block.outChannels());
            }
        }
        return problems;
    }

    /** Throws {@link InvalidSpecException} unless the spec is valid. */
    public static NetworkSpec requireValid(NetworkSpec spec) {
        List<SpecProblem> problems = validate(spec);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(spec.name(), problems);
        }
        return spec;
    }

    private static void checkBlock(BlockSpec block, int inChannels, int stage, int index,
            List<SpecProblem> problems) {
        if (block.kind() == null || block.shortcut() == null) {
            problems.add(new SpecProblem(stage, index, "the block needs a kind and a shortcut"));
            return;
        }
        if (block.outChannels() < 1) {
            problems.add(new SpecProblem(stage, index, "the block needs at least 1 output"
                    + " channel, not " + block.outChannels()));
            return;
        }
        if (block.stride() < 1) {
            problems.add(new SpecProblem(stage, index, "the stride must be 1 or more, not "
                    + block.stride()));
            return;
        }
        if (block.kind() == BlockKind.BOTTLENECK && block.bottleneckWidth() < 1) {
            problems.add(new SpecProblem(stage, index, "a bottleneck block needs an inner width"
                    + " of at least 1 (usually a quarter of its " + block.outChannels()
                    + " output channels)"));
        }
        boolean changes = block.changesShape(inChannels);
        if (block.shortcut() == ShortcutKind.IDENTITY && changes) {
            problems.add(new SpecProblem(stage, index, "an identity shortcut cannot carry "
                    + inChannels + " channels at stride 1 to " + block.outChannels()
                    + " channels at stride " + block.stride()
                    + ": use a zero-padding (A) or projection (B) shortcut"));
        }
        if (block.shortcut() == ShortcutKind.ZERO_PAD && block.outChannels() < inChannels) {
            problems.add(new SpecProblem(stage, index, "a zero-padding shortcut can only add"
                    + " channels, but this block goes from " + inChannels + " to "
                    + block.outChannels() + ": use a projection shortcut"));
        }
    }
}
