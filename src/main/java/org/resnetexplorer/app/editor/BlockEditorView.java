package org.resnetexplorer.app.editor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.Rectangle;
import org.resnetexplorer.app.BlockPath;
import org.resnetexplorer.app.MainViewModel;
import org.resnetexplorer.app.editor.EditorLayout.Arc;
import org.resnetexplorer.app.editor.EditorLayout.Edge;
import org.resnetexplorer.app.editor.EditorLayout.Item;
import org.resnetexplorer.app.editor.EditorLayout.Row;
import org.resnetexplorer.model.ShortcutKind;

/**
 * The block editor: draws {@link EditorLayout} as styled nodes (colours and line widths come
 * from CSS, so themes and presentation mode need no code here) and turns clicks, keys and drops
 * into view-model commands. Nodes are rebuilt on each change; even ResNet-152 folds to a few
 * dozen, so this stays far below a frame.
 */
public final class BlockEditorView extends StackPane {

    /** Presentation mode draws everything this much larger, for the back row. */
    public static final double PRESENTATION_SCALE = 1.3;

    private final Pane content = new Pane();
    private final ScrollPane scroll = new ScrollPane(new Group(content));
    private final Line dropMarker = new Line();
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final Set<String> unfolded = new HashSet<>();
    private MainViewModel vm;
    private EditorLayout layout;

    public BlockEditorView() {
        getStyleClass().add("block-editor");
        content.getStyleClass().add("editor-content");
        content.setPickOnBounds(true);
        content.setFocusTraversable(true);
        scroll.getStyleClass().add("editor-scroll");
        scroll.setPannable(false);
        getChildren().add(scroll);
        dropMarker.getStyleClass().add("drop-marker");
        dropMarker.setMouseTransparent(true);

        zoom.addListener((o, a, b) -> applyScale());
        presentation.addListener((o, a, b) -> {
            applyScale();
            javafx.application.Platform.runLater(this::fitIfTooBig);
        });
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0) {
                setZoom(zoom.get() * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1));
                e.consume();
            }
        });
        content.setOnMouseClicked(e -> {
            if (e.getTarget() == content) {
                vm.select(null);
            }
            content.requestFocus();
        });
        content.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                vm.deleteSelected();
                e.consume();
            }
        });
        content.setOnDragOver(this::onDragOver);
        content.setOnDragExited(e -> content.getChildren().remove(dropMarker));
        content.setOnDragDropped(e -> {
            boolean done = DragPayload.decode(e.getDragboard().getString())
                    .map(p -> drop(p, e.getX(), e.getY())).orElse(false);
            e.setDropCompleted(done);
            e.consume();
        });
    }

    public void setViewModel(MainViewModel viewModel) {
        this.vm = viewModel;
        vm.revisionProperty().addListener((o, a, b) -> render());
        vm.selectionProperty().addListener((o, a, b) -> render());
        vm.document().generationProperty().addListener((o, a, b) -> {
            unfolded.clear();
            render();
            // After the new content has been laid out, so the viewport size is current.
            javafx.application.Platform.runLater(this::fitIfTooBig);
        });
        render();
    }

    // ---- commands (public so tests reach what a drop or a click does) -------------------

    /**
     * What a drop at content point (x, y) does; the DRAG_DROPPED handler calls this, and tests
     * call it directly since the headless toolkit cannot always complete a real drag.
     */
    public boolean drop(DragPayload payload, double x, double y) {
        content.getChildren().remove(dropMarker);
        DropTarget target = layout.dropTargetAt(x, y, payload instanceof DragPayload.NewStage);
        if (target == null) {
            return false;
        }
        if (payload instanceof DragPayload.NewStage && target instanceof DropTarget.StageSlot s) {
            vm.addStage(s.index());
            return true;
        }
        if (target instanceof DropTarget.BlockSlot slot) {
            if (payload instanceof DragPayload.NewBlock nb) {
                vm.insertNewBlock(nb.kind(), slot.stage(), slot.index());
                return true;
            }
            if (payload instanceof DragPayload.MoveBlock mb) {
                vm.moveBlock(mb.from(), slot.stage(), slot.index());
                return true;
            }
        }
        return false;
    }

    /** Starts a drag of {@code payload} from {@code source} (palette entries, blocks). */
    public static void startDrag(Node source, DragPayload payload, TransferMode mode) {
        Dragboard board = source.startDragAndDrop(mode);
        ClipboardContent data = new ClipboardContent();
        data.putString(payload.encode());
        board.setContent(data);
    }

    public void zoomIn() {
        setZoom(zoom.get() * 1.2);
    }

    public void zoomOut() {
        setZoom(zoom.get() / 1.2);
    }

    /**
     * Shrinks a network that does not fit (a freshly opened ResNet-152), else shows it at 100 %.
     * In presentation mode only the width is fitted: shrinking to the full height would undo the
     * enlargement the back row needs, and scrolling down is natural on a projector.
     */
    public void fitIfTooBig() {
        setZoom(1);
        if (presentation.get()) {
            fitWidth();
        } else {
            fitToWindow();
        }
    }

    private void fitWidth() {
        Bounds view = scroll.getViewportBounds();
        if (layout != null && view.getWidth() > 0) {
            setZoom(Math.min(1, view.getWidth() / (layout.width() * presentationFactor())));
        }
    }

    /** Scales the whole network to fit the visible area (never above 100 %). */
    public void fitToWindow() {
        Bounds view = scroll.getViewportBounds();
        if (layout == null || view.getWidth() <= 0 || view.getHeight() <= 0) {
            return;
        }
        double fit = Math.min(view.getWidth() / layout.width(), view.getHeight() / layout.height());
        setZoom(Math.min(1, fit) / presentationFactor());
    }

    public void setZoom(double value) {
        zoom.set(Math.max(0.2, Math.min(4, value)));
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public EditorLayout layoutNow() {
        return layout;
    }

    /** Folds or unfolds the runs of identical blocks in a stage. */
    public void toggleFold(int stage) {
        boolean anyOpen = unfolded.stream().anyMatch(k -> k.startsWith(stage + ":"));
        if (anyOpen) {
            unfolded.removeIf(k -> k.startsWith(stage + ":"));
        } else {
            List<BlockRun> runs = BlockRun.itemsOf(stage,
                    vm.shownProperty().get().stages().get(stage).blocks(), r -> false);
            runs.stream().filter(BlockRun::folded).forEach(r -> unfolded.add(r.key()));
        }
        render();
    }

    // ---- drawing -------------------------------------------------------------------------

    private double presentationFactor() {
        return presentation.get() ? PRESENTATION_SCALE : 1;
    }

    private void applyScale() {
        double s = zoom.get() * presentationFactor();
        content.setScaleX(s);
        content.setScaleY(s);
    }

    private void render() {
        layout = EditorLayout.of(vm.shownProperty().get(), vm.analysisProperty().get(),
                vm.problemsProperty().get(), r -> unfolded.contains(r.key()));
        content.getChildren().clear();
        content.setMinSize(layout.width(), layout.height());
        content.setPrefSize(layout.width(), layout.height());
        for (Row row : layout.rows()) {
            drawRow(row);
        }
    }

    private void drawRow(Row row) {
        switch (row.kind()) {
            case STAGE -> drawStageBand(row);
            default -> drawRowLabel(row, null);
        }
        for (Edge edge : row.edges()) {
            drawEdge(edge);
        }
        for (Item item : row.items()) {
            drawItem(item);
        }
        double msgY = row.y() + EditorLayout.ARC_ROOM + EditorLayout.BLOCK_H
                + EditorLayout.SHAPE_ROOM - 4;
        for (String message : row.messages()) {
            Label problem = new Label("⚠ " + message);
            problem.getStyleClass().add("problem-text");
            problem.relocate(EditorLayout.MARGIN + EditorLayout.LABEL_W, msgY);
            content.getChildren().add(problem);
            msgY += EditorLayout.PROBLEM_LINE;
        }
    }

    private void drawStageBand(Row row) {
        Rectangle band = new Rectangle(EditorLayout.MARGIN - 10, row.y(),
                layout.width() - 2 * EditorLayout.MARGIN + 20, row.height());
        band.setArcWidth(18);
        band.setArcHeight(18);
        band.setId("stage-" + (row.stage() + 1));
        band.getStyleClass().add("stage-band");
        if (!row.messages().isEmpty()) {
            band.getStyleClass().add("invalid");
        }
        content.getChildren().add(band);

        HBox buttons = new HBox(4);
        if (row.foldable()) {
            boolean open = unfolded.stream().anyMatch(k -> k.startsWith(row.stage() + ":"));
            Button fold = new Button(open ? "fold" : "unfold");
            fold.getStyleClass().add("stage-button");
            fold.setTooltip(new Tooltip("Fold or unfold runs of identical blocks"));
            fold.setOnAction(e -> toggleFold(row.stage()));
            buttons.getChildren().add(fold);
        }
        Button remove = new Button("remove");
        remove.setId("remove-stage-" + (row.stage() + 1));
        remove.getStyleClass().add("stage-button");
        remove.setTooltip(new Tooltip("Remove this stage and its blocks"));
        remove.setOnAction(e -> vm.removeStage(row.stage()));
        buttons.getChildren().add(remove);
        drawRowLabel(row, buttons);
    }

    private void drawRowLabel(Row row, Node extra) {
        Label title = new Label(row.title());
        title.getStyleClass().add(row.kind() == EditorLayout.RowKind.STAGE ? "stage-title"
                : "row-title");
        Label subtitle = new Label(row.subtitle());
        subtitle.getStyleClass().add("stage-subtitle");
        VBox box = new VBox(2, title, subtitle);
        box.setPickOnBounds(false);
        if (extra != null) {
            box.getChildren().add(extra);
        }
        // The title may run into the room above the first block's arc; that corner is empty.
        box.setPrefWidth(EditorLayout.LABEL_W + EditorLayout.GAP - EditorLayout.ARC_REACH - 8);
        box.relocate(EditorLayout.MARGIN, row.y() + (row.kind() == EditorLayout.RowKind.STAGE
                ? 8 : 6));
        content.getChildren().add(box);
    }

    private void drawEdge(Edge edge) {
        Line line = new Line(edge.x1(), edge.y(), edge.x2() - 2, edge.y());
        line.getStyleClass().add("main-line");
        content.getChildren().addAll(line, arrowHead(edge.x2(), edge.y(), 0));
        if (!edge.shape().isEmpty()) {
            Label shape = new Label(edge.shape());
            shape.getStyleClass().add("shape-label");
            shape.setAlignment(Pos.CENTER);
            shape.setPrefWidth(edge.x2() - edge.x1());
            shape.relocate(edge.x1(), edge.y() + 6);
            content.getChildren().add(shape);
        }
    }

    /** A filled triangle pointing right (angle 0) or down (90) with its tip at (x, y). */
    private static Polygon arrowHead(double x, double y, int angle) {
        double l = 9;
        double w = 5;
        Polygon p = angle == 0
                ? new Polygon(x, y, x - l, y - w, x - l, y + w)
                : new Polygon(x, y, x - w, y - l, x + w, y - l);
        p.getStyleClass().add("arrow-head");
        return p;
    }

    private void drawItem(Item item) {
        if (item.arc() != null) {
            drawArc(item.arc());
        }
        if (item.kind() == EditorLayout.ItemKind.RUN) {
            for (int i = 2; i >= 1; i--) {
                // Offset up more than right, clear of the skip arc coming down beside the card.
                Rectangle card = new Rectangle(item.x() + 3 * i, item.y() - 5 * i, item.w(),
                        item.h());
                card.setArcWidth(14);
                card.setArcHeight(14);
                card.getStyleClass().add("run-card");
                content.getChildren().add(card);
            }
        }
        Label title = new Label(item.title());
        title.getStyleClass().add("block-title");
        Label detail = new Label(item.detail());
        detail.getStyleClass().add("block-detail");
        detail.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox box = new VBox(0, title, detail);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("block");
        box.setPrefSize(item.w(), item.h());
        box.setMinSize(item.w(), item.h());
        box.setMaxSize(item.w(), item.h());
        box.relocate(item.x(), item.y());
        content.getChildren().add(box);
        switch (item.kind()) {
            case STEM, HEAD -> box.getStyleClass().add("fixed-block");
            case OUTPUT -> box.getStyleClass().add("output-block");
            case EMPTY_SLOT -> box.getStyleClass().add("empty-slot");
            case BLOCK, RUN -> decorateBlock(item, box);
        }
        if (item.problem() != null) {
            box.getStyleClass().add("invalid");
            Tooltip.install(box, new Tooltip(item.problem()));
        }
    }

    private void decorateBlock(Item item, VBox box) {
        BlockRun run = item.run();
        BlockPath path = new BlockPath(run.stage(), run.first());
        box.setId("block-" + (run.stage() + 1) + "-" + (run.first() + 1));
        box.getStyleClass().add(run.block().kind().name().toLowerCase(java.util.Locale.ROOT));
        BlockPath selected = vm.selectionProperty().get();
        if (selected != null && selected.stage() == run.stage() && run.contains(selected.block())) {
            box.getStyleClass().add("selected");
        }
        if (run.folded()) {
            box.getStyleClass().add("run");
            Label times = new Label("× " + run.count());
            times.getStyleClass().add("run-count");
            box.getChildren().add(times);
            box.setOnMouseClicked(e -> {
                unfolded.add(run.key());
                vm.select(path);
                content.requestFocus();
                render();
                e.consume();
            });
            Tooltip.install(box, new Tooltip(run.count() + " identical blocks: click to unfold"));
            return;
        }
        box.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                vm.select(path);
                content.requestFocus();
                e.consume();
            }
        });
        box.setOnDragDetected(e -> {
            startDrag(box, new DragPayload.MoveBlock(path), TransferMode.MOVE);
            e.consume();
        });
    }

    private void drawArc(Arc arc) {
        double r = 12;
        double sumTop = arc.lineY() - EditorLayout.SUM_RADIUS;
        Path path = new Path(
                new MoveTo(arc.xIn(), arc.lineY()),
                new LineTo(arc.xIn(), arc.topY() + r),
                new QuadCurveTo(arc.xIn(), arc.topY(), arc.xIn() + r, arc.topY()),
                new LineTo(arc.xOut() - r, arc.topY()),
                new QuadCurveTo(arc.xOut(), arc.topY(), arc.xOut(), arc.topY() + r),
                new LineTo(arc.xOut(), sumTop - 3));
        path.getStyleClass().addAll("skip-arc", styleOf(arc.kind()));
        Circle branch = new Circle(arc.xIn(), arc.lineY(), 3.5);
        branch.getStyleClass().add("branch-dot");
        Circle sum = new Circle(arc.xOut(), arc.lineY(), EditorLayout.SUM_RADIUS);
        sum.getStyleClass().add("sum-node");
        double p = EditorLayout.SUM_RADIUS - 3;
        Line h = new Line(arc.xOut() - p, arc.lineY(), arc.xOut() + p, arc.lineY());
        Line v = new Line(arc.xOut(), arc.lineY() - p, arc.xOut(), arc.lineY() + p);
        h.getStyleClass().add("sum-plus");
        v.getStyleClass().add("sum-plus");
        Polygon head = arrowHead(arc.xOut(), sumTop, 90);
        head.getStyleClass().add("skip-arrow");
        content.getChildren().addAll(path, head, branch, sum, h, v);
        if (!arc.label().isEmpty()) {
            Label label = new Label(arc.label());
            label.getStyleClass().addAll("arc-label", styleOf(arc.kind()));
            label.setAlignment(Pos.CENTER);
            label.setPrefWidth(46);
            label.relocate((arc.xIn() + arc.xOut()) / 2 - 23, arc.topY() - 10);
            content.getChildren().add(label);
        }
    }

    private static String styleOf(ShortcutKind kind) {
        return switch (kind) {
            case IDENTITY -> "identity";
            case PROJECTION -> "projection";
            case ZERO_PAD -> "zero-pad";
            case NONE -> "none";
        };
    }

    private void onDragOver(DragEvent e) {
        DragPayload.decode(e.getDragboard().getString()).ifPresent(payload -> {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            DropTarget target = layout.dropTargetAt(e.getX(), e.getY(),
                    payload instanceof DragPayload.NewStage);
            showMarker(target);
        });
        e.consume();
    }

    private void showMarker(DropTarget target) {
        if (target instanceof DropTarget.BlockSlot slot) {
            Row row = layout.stageRows().get(slot.stage());
            double x = layout.slotX(slot);
            dropMarker.setStartX(x);
            dropMarker.setEndX(x);
            dropMarker.setStartY(row.y() + 8);
            dropMarker.setEndY(row.y() + EditorLayout.ARC_ROOM + EditorLayout.BLOCK_H + 8);
        } else if (target instanceof DropTarget.StageSlot slot) {
            List<Row> stages = layout.stageRows();
            double y = slot.index() < stages.size() ? stages.get(slot.index()).y() - 5
                    : stages.isEmpty() ? EditorLayout.MARGIN
                    : stages.get(stages.size() - 1).bottom() + 5;
            dropMarker.setStartX(EditorLayout.MARGIN);
            dropMarker.setEndX(layout.width() - EditorLayout.MARGIN);
            dropMarker.setStartY(y);
            dropMarker.setEndY(y);
        }
        if (!content.getChildren().contains(dropMarker)) {
            content.getChildren().add(dropMarker);
        }
    }
}
