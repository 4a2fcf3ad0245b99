package org.resnetexplorer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One change to a network, as data. Specs are immutable, so an edit is a function from the spec
 * before to the spec after; undo keeps the spec before rather than inverting the edit, which
 * cannot get out of step with the function. Indices are 0-based.
 */
public sealed interface SpecEdit {

    NetworkSpec applyTo(NetworkSpec spec);

    /** Short verb phrase for "Undo ..." menu items. */
    String description();

    record InsertBlock(int stage, int index, BlockSpec block) implements SpecEdit {
        @Override
        public NetworkSpec applyTo(NetworkSpec spec) {
            List<BlockSpec> blocks = blocksOf(spec, stage);
            blocks.add(Math.max(0, Math.min(index, blocks.size())), block);
            return withStage(spec, stage, blocks);
        }

        @Override
        public String description() {
            return "add " + kindName(block) + " block";
        }
    }

    record RemoveBlock(int stage, int index) implements SpecEdit {
        @Override
        public NetworkSpec applyTo(NetworkSpec spec) {
            List<BlockSpec> blocks = blocksOf(spec, stage);
            blocks.remove(index);
            return withStage(spec, stage, blocks);
        }

        @Override
        public String description() {
            return "delete block";
        }
    }

    record ReplaceBlock(int stage, int index, BlockSpec block) implements SpecEdit {
        @Override
        public NetworkSpec applyTo(NetworkSpec spec) {
            List<BlockSpec> blocks = blocksOf(spec, stage);
            blocks.set(index, block);
            return withStage(spec, stage, blocks);
        }

        @Override
        public String description() {
            return "change block";
        }
    }

    /**
     * Moves a block; {@code toIndex} is the insertion point counted in the target stage as it
     * looks before the move, which is what a drop position measures.
     */
    record MoveBlock(int fromStage, int fromIndex, int toStage, int toIndex) implements SpecEdit {
        @Override
        public NetworkSpec applyTo(NetworkSpec spec) {
            BlockSpec moved = spec.stages().get(fromStage).blocks().get(fromIndex);
            NetworkSpec without = new RemoveBlock(fromStage, fromIndex).applyTo(spec);
            int at = toStage == fromStage && toIndex > fromIndex ? toIndex - 1 : toIndex;
            return new InsertBlock(toStage, at, moved).applyTo(without);
        }

        @Override
        public String description() {
            return "move block";
        }
    }

    record InsertStage(int index, StageSpec stage) implements SpecEdit {
        @Override
        public NetworkSpec applyTo(NetworkSpec spec) {
            List<StageSpec> stages = new ArrayList<>(spec.stages());
            stages.add(Math.max(0, Math.min(index, stages.size())), stage);
            return withStages(spec, stages);
        }

        @Override
        public String description() {
            return "add stage";
        }
    }

    record RemoveStage(int index) implements SpecEdit {
        @Override
        public NetworkSpec applyTo(NetworkSpec spec) {
            List<StageSpec> stages = new ArrayList<>(spec.stages());
            stages.remove(index);
            return withStages(spec, stages);
        }

        @Override
        public String description() {
            return "remove stage";
        }
    }

    record SetInput(InputShape input) implements SpecEdit {
        @Override
        public NetworkSpec applyTo(NetworkSpec spec) {
            return spec.withInput(input);
        }

        @Override
        public String description() {
            return "change input shape";
        }
    }

    record SetStem(StemSpec stem) implements SpecEdit {
        @Override
        public NetworkSpec applyTo(NetworkSpec spec) {
            return new NetworkSpec(spec.name(), spec.input(), stem, spec.stages(), spec.head(),
                    spec.numClasses());
        }

        @Override
        public String description() {
            return "change stem";
        }
    }

    record SetNumClasses(int numClasses) implements SpecEdit {
        @Override
        public NetworkSpec applyTo(NetworkSpec spec) {
            return spec.withNumClasses(numClasses);
        }

        @Override
        public String description() {
            return "change number of classes";
        }
    }

    record ApplyShortcutOption(ShortcutOption option) implements SpecEdit {
        @Override
        public NetworkSpec applyTo(NetworkSpec spec) {
            return option.applyTo(spec);
        }

        @Override
        public String description() {
            return "apply shortcut option " + option;
        }
    }

    private static List<BlockSpec> blocksOf(NetworkSpec spec, int stage) {
        return new ArrayList<>(spec.stages().get(stage).blocks());
    }

    private static NetworkSpec withStage(NetworkSpec spec, int stage, List<BlockSpec> blocks) {
        List<StageSpec> stages = new ArrayList<>(spec.stages());
        stages.set(stage, new StageSpec(blocks));
        return withStages(spec, stages);
    }

    private static NetworkSpec withStages(NetworkSpec spec, List<StageSpec> stages) {
        return new NetworkSpec(spec.name(), spec.input(), spec.stem(), stages, spec.head(),
                spec.numClasses());
    }

    private static String kindName(BlockSpec block) {
        return block.kind() == BlockKind.BASIC ? "basic" : "bottleneck";
    }
}
