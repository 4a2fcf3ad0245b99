package org.resnetexplorer.app.train;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.resnetexplorer.app.chart.ChartData;
import org.resnetexplorer.app.chart.ChartPane;

/**
 * The Train &amp; Compare tab: recipe fields, Train / Pause / Cancel with progress and time left,
 * and three live charts (loss, the paper's Figure 6 error curves, gradient norms over depth);
 * or saved histories drawn without training.
 */
public final class TrainCompareView extends BorderPane {

    private final TrainCompareViewModel vm;
    private final ChartPane loss = new ChartPane(ChartData.empty("Training loss", "iteration",
            "loss", false), "training-loss");
    private final ChartPane error = new ChartPane(ChartData.empty("Error (%)", "iteration",
            "error (%)", false), "error-figure6");
    private final ChartPane gradients = new ChartPane(ChartData.empty("Weight gradient over"
            + " depth", "layer", "L2 norm", true), "gradients-during-training");

    public TrainCompareView(TrainCompareViewModel vm) {
        this.vm = vm;
        getStyleClass().add("train-view");
        loss.setId("lossChart");
        error.setId("errorChart");
        gradients.setId("trainGradientChart");
        loss.setCsv(vm::historyCsv);
        error.setCsv(vm::historyCsv);
        setTop(controls());
        HBox charts = new HBox(8, loss, error, gradients);
        for (ChartPane c : new ChartPane[] {loss, error, gradients}) {
            HBox.setHgrow(c, Priority.ALWAYS);
            c.setPrefWidth(450);
        }
        charts.setPadding(new Insets(2, 10, 6, 10));
        setCenter(charts);
        vm.chartsRevisionProperty().addListener((o, a, b) -> redraw());
        vm.runningProperty().addListener((o, a, b) -> redraw());
        redraw();
    }

    private VBox controls() {
        Spinner<Integer> steps = intSpinner(1, 1_000_000, vm.stepsProperty().get(), 50);
        steps.setId("stepsField");
        steps.valueProperty().addListener((o, a, b) -> vm.stepsProperty().set(b));
        vm.stepsProperty().addListener((o, a, b) -> steps.getValueFactory().setValue(b.intValue()));
        Spinner<Integer> batch = intSpinner(1, 4096, vm.batchProperty().get(), 16);
        batch.setId("batchField");
        batch.valueProperty().addListener((o, a, b) -> vm.batchProperty().set(b));
        vm.batchProperty().addListener((o, a, b) -> batch.getValueFactory().setValue(b.intValue()));
        TextField lr = new TextField(Double.toString(vm.learningRateProperty().get()));
        lr.setId("lrField");
        lr.setPrefColumnCount(5);
        lr.textProperty().addListener((o, a, b) -> {
            try {
                vm.learningRateProperty().set(Double.parseDouble(b.trim()));
            } catch (NumberFormatException e) {
                vm.learningRateProperty().set(Double.NaN);
            }
        });
        Spinner<Integer> limit = intSpinner(0, 60_000, vm.limitProperty().get(), 1000);
        limit.setId("limitField");
        limit.valueProperty().addListener((o, a, b) -> vm.limitProperty().set(b));
        vm.limitProperty().addListener((o, a, b) -> limit.getValueFactory().setValue(b.intValue()));
        TextField out = new TextField();
        out.setId("outField");
        out.setPromptText("~/.resnet-explorer/runs/<date-time>");
        out.setPrefColumnCount(22);
        out.textProperty().bindBidirectional(vm.outFolderProperty());
        Button chooseOut = new Button("…");
        chooseOut.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(getScene().getWindow());
            if (dir != null) {
                out.setText(dir.getAbsolutePath());
            }
        });
        Button train = new Button("Train both");
        train.setId("trainButton");
        train.getStyleClass().add("default-action");
        train.disableProperty().bind(vm.canTrainProperty().not().or(vm.runningProperty())
                .or(vm.downloadingProperty()));
        train.setOnAction(e -> vm.start());
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("pauseButton");
        pause.disableProperty().bind(vm.runningProperty().not());
        pause.selectedProperty().bind(vm.pausedProperty());
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(vm.pausedProperty())
                .then("Resume").otherwise("Pause"));
        pause.setOnAction(e -> vm.togglePause());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTraining");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button getData = new Button("Download Fashion-MNIST");
        getData.setId("downloadData");
        getData.visibleProperty().bind(vm.dataMissingProperty());
        getData.managedProperty().bind(getData.visibleProperty());
        getData.disableProperty().bind(vm.downloadingProperty());
        getData.setOnAction(e -> vm.downloadData());
        FlowPane form = new FlowPane(8, 6, field("Steps each", steps), field("Batch", batch),
                field("Learning rate", lr), field("Training images (0: all)", limit),
                field("Save to", new HBox(2, out, chooseOut)), train, pause, cancel, getData);
        form.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.setId("trainProgress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty().or(vm.downloadingProperty()));
        Label progress = new Label();
        progress.textProperty().bind(vm.progressTextProperty());
        ComboBox<TrainingHistory.Entry> shipped = new ComboBox<>();
        shipped.getItems().setAll(TrainingHistory.shipped());
        shipped.setPromptText(shipped.getItems().isEmpty() ? "No shipped histories"
                : "Shipped histories");
        shipped.setId("historyChooser");
        shipped.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.showHistory(b.folder());
            }
        });
        Button open = new Button("Open training history…");
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("A model folder (with metrics.csv) or a run folder (resnet/, plain/)");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.showHistory(dir.toPath());
            }
        });
        HBox progressRow = new HBox(8, bar, progress);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        HBox historyRow = new HBox(8, new Label("Or draw saved runs:"), shipped, open);
        historyRow.setAlignment(Pos.CENTER_LEFT);
        HBox lines = new HBox(16, progressRow, historyRow);
        HBox.setHgrow(progressRow, Priority.ALWAYS);
        Label reason = new Label();
        reason.setId("trainReason");
        reason.setWrapText(true);
        reason.textProperty().bind(vm.reasonProperty());
        reason.getStyleClass().add("caption");
        Label status = new Label();
        status.setId("trainStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("headline");
        VBox box = new VBox(5, form, reason, lines, status);
        box.setPadding(new Insets(6, 10, 4, 10));
        return box;
    }

    private void redraw() {
        String r = vm.resnetName();
        String p = vm.plainName();
        loss.show(TrainCharts.loss(r, p, vm.resnetRows(), vm.plainRows()));
        error.show(TrainCharts.error(r, p, vm.resnetRows(), vm.plainRows()));
        gradients.show(TrainCharts.gradients(vm.firstSnapshots(), vm.latestSnapshots()));
        // saved histories carry no gradients: the curves get the room instead of an empty chart
        boolean snapshots = !vm.firstSnapshots().isEmpty() || !vm.latestSnapshots().isEmpty();
        gradients.setVisible(snapshots || vm.runningProperty().get());
        gradients.setManaged(gradients.isVisible());
    }

    private static Spinner<Integer> intSpinner(int min, int max, int value, int step) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                min, max, value, step));
        s.setEditable(true);
        s.setPrefWidth(95);
        s.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                s.increment(0);
            }
        });
        return s;
    }

    private static VBox field(String label, javafx.scene.Node control) {
        Label l = new Label(label);
        l.getStyleClass().add("field-label");
        return new VBox(2, l, control);
    }

    public ChartPane errorChart() {
        return error;
    }

    public ChartPane lossChart() {
        return loss;
    }
}
