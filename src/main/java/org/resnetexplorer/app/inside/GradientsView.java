package org.resnetexplorer.app.inside;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.resnetexplorer.app.chart.ChartData;
import org.resnetexplorer.app.chart.ChartPane;

/**
 * The Gradients tab: how large the gradient is at each depth, ResNet against its plain twin, on
 * a log scale, with one sentence saying by how much they differ.
 */
public final class GradientsView extends BorderPane {

    private final ChartPane weights = new ChartPane(ChartData.empty("Weight gradient per layer",
            "layer", "L2 norm", true), "gradients-per-layer");
    private final ChartPane blocks = new ChartPane(ChartData.empty("Gradient reaching each"
            + " block", "block", "L2 norm", true), "gradients-per-block");
    private final Label ratio = new Label();

    public GradientsView(GradientsViewModel vm, InsideSelection selection) {
        getStyleClass().add("gradients-view");
        weights.setId("weightGradientChart");
        blocks.setId("blockGradientChart");
        ratio.setId("gradientRatio");
        ratio.setWrapText(true);
        ratio.getStyleClass().add("headline");
        ratio.textProperty().bind(vm.statusProperty());
        Button again = new Button("Recompute");
        again.setOnAction(e -> vm.compute());
        again.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());
        HBox line = new HBox(8, ratio, busy, cancel, again);
        HBox.setHgrow(ratio, Priority.ALWAYS);
        ratio.setMaxWidth(Double.MAX_VALUE);
        line.setAlignment(Pos.CENTER_LEFT);
        Label caption = new Label("With batch norm, a deep plain network at initialisation"
                + " usually shows gradients that grow towards the input (they explode rather"
                + " than vanish); the ResNet's stay in a much narrower band because each block adds"
                + " its gradient to the one its shortcut passes straight through. Trained"
                + " networks can look different: the chart shows what this pass gives.");
        caption.setWrapText(true);
        caption.getStyleClass().add("chart-caption");
        HBox charts = new HBox(8, weights, blocks);
        HBox.setHgrow(weights, Priority.ALWAYS);
        HBox.setHgrow(blocks, Priority.ALWAYS);
        weights.setPrefWidth(600);
        blocks.setPrefWidth(600);
        VBox centre = new VBox(4, line, charts, caption);
        VBox.setVgrow(charts, Priority.ALWAYS);
        centre.setPadding(new Insets(4, 10, 6, 10));
        setTop(new SelectionBar(selection));
        setCenter(centre);
        vm.resultProperty().addListener((o, a, g) -> {
            if (g != null) {
                weights.show(GradientsViewModel.weights(g));
                blocks.show(GradientsViewModel.blocks(g));
            }
        });
    }

    public ChartPane weightsChart() {
        return weights;
    }
}
