package org.resnetexplorer.app.inside;

import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One network's layer output: every channel as a viridis tile on the layer's shared scale, with
 * the colour bar and its min and max beside it. A click on a tile picks that channel.
 */
final class LayerGrid extends BorderPane {

    private static final double ASPECT = 1.25;

    private final Label title = new Label();
    private final ImageView grid = new ImageView();
    private final StackPane gridBox = new StackPane(grid);
    private final Label max = new Label();
    private final Label min = new Label();
    private final Label empty = new Label();
    private FeatureMapsViewModel.Side side;
    private int cols = 1;

    LayerGrid(String id, IntConsumer onChannel) {
        setId(id);
        getStyleClass().add("layer-grid");
        title.getStyleClass().add("grid-title");
        title.setWrapText(true);
        grid.setSmooth(false);
        grid.setPreserveRatio(true);
        grid.getStyleClass().add("channel-grid");
        gridBox.setMinSize(120, 120);
        grid.fitWidthProperty().bind(gridBox.widthProperty().subtract(4));
        grid.fitHeightProperty().bind(gridBox.heightProperty().subtract(4));
        grid.setOnMouseClicked(e -> {
            if (side == null || grid.getImage() == null) {
                return;
            }
            double sx = grid.getImage().getWidth() / grid.getBoundsInLocal().getWidth();
            double sy = grid.getImage().getHeight() / grid.getBoundsInLocal().getHeight();
            int c = HeatMap.channelAt(side.map(), cols, e.getX() * sx, e.getY() * sy);
            if (c >= 0) {
                onChannel.accept(c);
            }
        });
        ImageView bar = new ImageView(FxPixels.image(HeatMap.colourBar(14, 256), 14, 256));
        bar.setFitHeight(200);
        bar.setFitWidth(14);
        VBox scale = new VBox(4, max, bar, min);
        scale.setAlignment(Pos.CENTER);
        scale.getStyleClass().add("colour-bar");
        empty.setWrapText(true);
        empty.getStyleClass().add("placeholder");
        gridBox.getChildren().add(empty);
        setTop(title);
        setCenter(gridBox);
        setRight(scale);
        setPadding(new Insets(4, 8, 4, 8));
    }

    /** Draws {@code s}, or the {@code why} text when there is nothing to draw. */
    void show(FeatureMapsViewModel.Side s, String why) {
        this.side = s;
        empty.setVisible(s == null);
        grid.setVisible(s != null);
        if (s == null) {
            empty.setText(why);
            title.setText("");
            max.setText("");
            min.setText("");
            grid.setImage(null);
            return;
        }
        var m = s.map();
        cols = HeatMap.grid(m.channels(), ASPECT * m.height() / Math.max(1, m.width()))[0];
        int rows = (m.channels() + cols - 1) / cols;
        int w = HeatMap.gridWidth(m, cols);
        int h = HeatMap.gridHeight(m, rows);
        grid.setImage(FxPixels.image(HeatMap.grid(m, cols, s.min(), s.max()), w, h));
        title.setText(s.title() + "\n" + m.layer() + ": " + m.channels() + " channels of "
                + m.height() + "×" + m.width());
        max.setText(String.format(java.util.Locale.ROOT, "%.3g", s.max()));
        min.setText(String.format(java.util.Locale.ROOT, "%.3g", s.min()));
    }

    int columns() {
        return cols;
    }

    ImageView gridView() {
        return grid;
    }
}
