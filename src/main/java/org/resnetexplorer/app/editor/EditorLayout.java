package org.resnetexplorer.app.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.resnetexplorer.model.BlockKind;
import org.resnetexplorer.model.BlockSpec;
import org.resnetexplorer.model.InputShape;
import org.resnetexplorer.model.LayerInfo;
import org.resnetexplorer.model.NetworkAnalysis;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.ShortcutKind;
import org.resnetexplorer.model.SpecProblem;
import org.resnetexplorer.model.StemSpec;

/**
 * Where everything in the block editor goes, computed without the scene graph so that it can be
 * tested and so the view only turns it into shapes. The network reads like text: the stem on the
 * first line, one line per stage flowing left to right, then the head. Every block's skip
 * connection rises above it and comes down into a sum node after it, as in the paper's figures.
 */
public final class EditorLayout {

    public static final double MARGIN = 20;
    public static final double LABEL_W = 118;
    public static final double BLOCK_W = 122;
    public static final double BLOCK_H = 68;
    /** Stem and head are context, not the lesson: drawn lower to leave room for the stages. */
    public static final double FIXED_H = 46;
    public static final double GAP = 86;
    /** Room above a stage's blocks for the skip arcs, their labels and the stage title. */
    public static final double ARC_ROOM = 40;
    /** Room below the line for the tensor shapes. */
    public static final double SHAPE_ROOM = 26;
    public static final double ROW_SPACING = 8;
    /** How far before and after a block its skip connection leaves and rejoins the line. */
    public static final double ARC_REACH = 18;
    public static final double SUM_RADIUS = 8;
    /** Height of one problem message under a stage. */
    public static final double PROBLEM_LINE = 22;

    public enum RowKind { STEM, STAGE, HEAD }

    public enum ItemKind { STEM, BLOCK, RUN, EMPTY_SLOT, HEAD, OUTPUT }

    /** A skip connection: up from {@code xIn}, across at {@code topY}, down into the sum at {@code xOut}. */
    public record Arc(double xIn, double xOut, double lineY, double topY, ShortcutKind kind) {
        public String label() {
            return switch (kind) {
                case PROJECTION -> "proj";
                case ZERO_PAD -> "pad";
                default -> "";
            };
        }
    }

    public record Item(ItemKind kind, BlockRun run, double x, double y, double w, double h,
            String title, String detail, String problem, Arc arc) {
        public double centerX() {
            return x + w / 2;
        }

        public double right() {
            return x + w;
        }
    }

    /** A piece of the main line with the shape of the tensor travelling along it. */
    public record Edge(double x1, double x2, double y, String shape) {
    }

    /**
     * @param messages what is wrong in this stage, one line each, drawn under its blocks
     * @param foldable the stage has a run of identical blocks that can be folded or unfolded
     */
    public record Row(RowKind kind, int stage, double y, double height, String title,
            String subtitle, List<String> messages, boolean foldable, List<Item> items,
            List<Edge> edges) {
        public double lineY() {
            return items.isEmpty() ? y + height / 2 : items.get(0).y() + items.get(0).h() / 2;
        }

        public double bottom() {
            return y + height;
        }
    }

    private final List<Row> rows;
    private final double width;
    private final double height;

    private EditorLayout(List<Row> rows, double width, double height) {
        this.rows = List.copyOf(rows);
        this.width = width;
        this.height = height;
    }

    /**
     * @param analysis the shown network's analysis, or null while it is invalid (then no shapes)
     * @param unfolded runs the teacher has opened
     */
    public static EditorLayout of(NetworkSpec spec, NetworkAnalysis analysis,
            List<SpecProblem> problems, Predicate<BlockRun> unfolded) {
        Map<String, InputShape> outShapes = new HashMap<>();
        if (analysis != null) {
            for (LayerInfo layer : analysis.layers()) {
                outShapes.put(layer.owner(), layer.outShape());
            }
        }
        List<Row> rows = new ArrayList<>();
        double y = MARGIN;
        double maxRight = 0;

        Row stem = simpleRow(RowKind.STEM, y, "input", "image",
                List.of(new Item(ItemKind.STEM, null, 0, 0, BLOCK_W + 24, FIXED_H, "Stem",
                        stemDetail(spec.stem()), null, null)),
                List.of(shape(spec.input())));
        rows.add(stem);
        y = stem.bottom() + ROW_SPACING;
        String incoming = analysis == null ? "" : shape(outShapes.get("stem"));

        for (int s = 0; s < spec.stages().size(); s++) {
            List<BlockSpec> blocks = spec.stages().get(s).blocks();
            String rowProblem = null;
            List<String> messages = new ArrayList<>();
            for (SpecProblem p : problems) {
                if (p.stage() == s + 1 && p.block() == 0) {
                    rowProblem = p.message();
                    messages.add(p.message());
                } else if (p.stage() == s + 1) {
                    messages.add("block " + p.block() + ": " + p.message());
                }
            }
            double top = y;
            double blockY = top + ARC_ROOM;
            double lineY = blockY + BLOCK_H / 2;
            double x = MARGIN + LABEL_W;
            List<Item> items = new ArrayList<>();
            List<Edge> edges = new ArrayList<>();
            List<BlockRun> runs = BlockRun.itemsOf(s, blocks, unfolded);
            boolean foldable = blocks.size() >= BlockRun.FOLD_MIN
                    && BlockRun.itemsOf(s, blocks, r -> true).size()
                            != BlockRun.itemsOf(s, blocks, r -> false).size();
            if (runs.isEmpty()) {
                edges.add(new Edge(x, x + GAP, lineY, incoming));
                items.add(new Item(ItemKind.EMPTY_SLOT, null, x + GAP, blockY, BLOCK_W, BLOCK_H,
                        "drop blocks here", "", rowProblem, null));
                x += GAP + BLOCK_W;
            }
            for (BlockRun run : runs) {
                String edgeShape = run.first() == 0 ? incoming
                        : shapeAfter(outShapes, s, run.first() - 1, analysis);
                double bx = x + GAP;
                edges.add(new Edge(x, bx, lineY, edgeShape));
                ShortcutKind sk = run.block().shortcut();
                Arc arc = sk == ShortcutKind.NONE ? null
                        : new Arc(bx - ARC_REACH, bx + BLOCK_W + ARC_REACH, lineY,
                                blockY - ARC_ROOM / 2, sk);
                items.add(new Item(run.folded() ? ItemKind.RUN : ItemKind.BLOCK, run, bx, blockY,
                        BLOCK_W, BLOCK_H, blockTitle(run.block()), blockDetail(run.block()),
                        problemOf(problems, run), arc));
                x = bx + BLOCK_W + (arc == null ? 0 : ARC_REACH + SUM_RADIUS);
            }
            if (!blocks.isEmpty()) {
                incoming = analysis == null ? "" : shapeAfter(outShapes, s, blocks.size() - 1,
                        analysis);
            }
            int channels = blocks.isEmpty() ? 0 : blocks.get(blocks.size() - 1).outChannels();
            String size = analysis == null || blocks.isEmpty() ? ""
                    : " · " + sizeOf(outShapes.get(blockKey(s, blocks.size() - 1)));
            rows.add(new Row(RowKind.STAGE, s, top,
                    ARC_ROOM + BLOCK_H + SHAPE_ROOM + PROBLEM_LINE * messages.size(),
                    "stage " + (s + 1) + (channels > 0 ? " · " + channels + " ch" : ""),
                    blocks.size() + (blocks.size() == 1 ? " block" : " blocks") + size,
                    messages, foldable, items, edges));
            maxRight = Math.max(maxRight, x);
            y = rows.get(rows.size() - 1).bottom() + ROW_SPACING;
        }

        String classes = spec.numClasses() + " classes";
        Row head = simpleRow(RowKind.HEAD, y, "output", "",
                List.of(new Item(ItemKind.HEAD, null, 0, 0, BLOCK_W + 24, FIXED_H, "Head",
                                (spec.head().finalNorm() ? "BN-ReLU · " : "") + "avg pool · fc",
                                null, null),
                        new Item(ItemKind.OUTPUT, null, 0, 0, BLOCK_W, FIXED_H, classes,
                                "scores", null, null)),
                List.of(incoming, analysis == null ? "" : shape(analysis.outputShape())));
        rows.add(head);
        for (Row r : rows) {
            for (Item it : r.items()) {
                maxRight = Math.max(maxRight, it.right() + ARC_REACH + SUM_RADIUS);
            }
        }
        return new EditorLayout(rows, maxRight + MARGIN, head.bottom() + MARGIN);
    }

    /** A row without skip connections: each item preceded by an edge with the given shape. */
    private static Row simpleRow(RowKind kind, double top, String title, String subtitle,
            List<Item> protos, List<String> shapes) {
        double blockY = top + 6;
        double lineY = blockY + FIXED_H / 2;
        double x = MARGIN + LABEL_W;
        List<Item> items = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < protos.size(); i++) {
            Item p = protos.get(i);
            edges.add(new Edge(x, x + GAP, lineY, shapes.get(i)));
            items.add(new Item(p.kind(), null, x + GAP, blockY, p.w(), p.h(), p.title(),
                    p.detail(), null, null));
            x += GAP + p.w();
        }
        return new Row(kind, -1, top, 6 + FIXED_H + SHAPE_ROOM, title, subtitle, List.of(), false,
                items, edges);
    }

    private static String problemOf(List<SpecProblem> problems, BlockRun run) {
        for (SpecProblem p : problems) {
            if (p.stage() == run.stage() + 1 && p.block() > 0 && run.contains(p.block() - 1)) {
                return p.message();
            }
        }
        return null;
    }

    private static String blockKey(int stage, int block) {
        return NetworkAnalysis.blockName(stage, block);
    }

    private static String shapeAfter(Map<String, InputShape> shapes, int stage, int block,
            NetworkAnalysis analysis) {
        return analysis == null ? "" : shape(shapes.get(blockKey(stage, block)));
    }

    public static String shape(InputShape s) {
        return s == null ? "" : s.channels() + "×" + s.height() + "×" + s.width();
    }

    private static String sizeOf(InputShape s) {
        return s == null ? "" : s.height() + "×" + s.width();
    }

    static String blockTitle(BlockSpec b) {
        String name = b.kind() == BlockKind.BASIC ? "Basic" : "Bottleneck";
        return b.preActivation() ? name + " (pre-act)" : name;
    }

    /** Channels, and the stride on its own line where it is not 1 (that is what changes shape). */
    static String blockDetail(BlockSpec b) {
        String stride = b.stride() == 1 ? "" : "\nstride " + b.stride();
        if (b.kind() == BlockKind.BASIC) {
            return b.outChannels() + " ch" + stride;
        }
        return b.bottleneckWidth() + "→" + b.outChannels() + " ch" + stride;
    }

    private static String stemDetail(StemSpec stem) {
        return stem.kernel() + "×" + stem.kernel() + " /" + stem.stride() + " · " + stem.outChannels()
                + (stem.maxPool() ? " · pool" : "");
    }

    // ---- queries -------------------------------------------------------------------------

    public List<Row> rows() {
        return rows;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public List<Row> stageRows() {
        return rows.stream().filter(r -> r.kind() == RowKind.STAGE).toList();
    }

    /**
     * Where a drop at (x, y) lands. A new stage goes between the stage lines nearest to y; a
     * block goes into the stage line nearest to y, before the first item whose centre is right
     * of x. Null when there is no stage to drop a block into.
     */
    public DropTarget dropTargetAt(double x, double y, boolean stage) {
        List<Row> stages = stageRows();
        if (stage) {
            int index = 0;
            for (Row r : stages) {
                if (r.y() + r.height() / 2 < y) {
                    index++;
                }
            }
            return new DropTarget.StageSlot(index);
        }
        Row best = null;
        for (Row r : stages) {
            if (best == null || distance(r, y) < distance(best, y)) {
                best = r;
            }
        }
        if (best == null) {
            return null;
        }
        int index = 0;
        for (Item it : best.items()) {
            if (it.run() != null && it.centerX() < x) {
                index = it.run().first() + it.run().count();
            }
        }
        return new DropTarget.BlockSlot(best.stage(), index);
    }

    /** The x of the gap a block dropped at {@code slot} would go into, for the drop marker. */
    public double slotX(DropTarget.BlockSlot slot) {
        Row row = stageRows().get(slot.stage());
        double x = MARGIN + LABEL_W + GAP / 2;
        for (Item it : row.items()) {
            if (it.run() != null && it.run().first() < slot.index()) {
                x = it.right() + GAP / 2 + (it.arc() == null ? 0 : ARC_REACH / 2);
            }
        }
        return x;
    }

    private static double distance(Row r, double y) {
        if (y >= r.y() && y <= r.bottom()) {
            return 0;
        }
        return Math.min(Math.abs(y - r.y()), Math.abs(y - r.bottom()));
    }
}
