package org.resnetexplorer.app.inside;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.resnetexplorer.app.chart.ChartData;
import org.resnetexplorer.app.chart.ChartPane;

/**
 * The Shortcuts tab: per block, the size of x, F(x) and their sum, the ratio |F(x)|/|x|, and the
 * paper's Figure 7, ResNet against its plain twin; all from the cached forward pass.
 */
public final class ShortcutsView extends BorderPane {

    private final ChartPane blocks = new ChartPane(ChartData.empty("Standard deviation through"
            + " each block", "block", "std", false), "shortcuts-std-per-block");
    private final ChartPane ratio = new ChartPane(ChartData.empty("|F(x)| / |x|", "block",
            "ratio", false), "shortcuts-ratio");
    private final ChartPane figure7 = new ChartPane(ChartData.empty("Layer responses", "layer",
            "std", false), "layer-responses-figure7");
    private final Label ratioCaption = new Label();
    private final Label figure7Caption = new Label();

    public ShortcutsView(InsideSelection selection) {
        getStyleClass().add("shortcuts-view");
        setTop(new SelectionBar(selection));
        blocks.setId("blocksChart");
        ratio.setId("ratioChart");
        figure7.setId("figure7Chart");
        for (Label l : new Label[] {ratioCaption, figure7Caption}) {
            l.setWrapText(true);
            l.getStyleClass().add("chart-caption");
        }
        figure7Caption.setId("figure7Caption");
        VBox right = new VBox(4, figure7, figure7Caption);
        VBox.setVgrow(figure7, Priority.ALWAYS);
        VBox middle = new VBox(4, ratio, ratioCaption);
        VBox.setVgrow(ratio, Priority.ALWAYS);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.add(blocks, 0, 0);
        grid.add(middle, 1, 0);
        grid.add(right, 2, 0);
        for (int i = 0; i < 3; i++) {
            var c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(i == 2 ? 36 : 32);
            grid.getColumnConstraints().add(c);
        }
        var row = new javafx.scene.layout.RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        grid.getRowConstraints().add(row);
        grid.setPadding(new Insets(4, 10, 6, 10));
        setCenter(grid);
        selection.reportProperty().addListener((o, a, r) -> show(r));
        show(selection.reportProperty().get());
    }

    private void show(InsideReport r) {
        if (r == null) {
            return;
        }
        blocks.show(ShortcutsViewModel.blocks(r));
        ratio.show(ShortcutsViewModel.ratio(r));
        figure7.show(ShortcutsViewModel.figure7(r));
        ratioCaption.setText(ShortcutsViewModel.ratioCaption(r));
        figure7Caption.setText(ShortcutsViewModel.figure7Caption(r));
    }

    public ChartPane figure7Chart() {
        return figure7;
    }

    public ChartPane blocksChart() {
        return blocks;
    }
}
