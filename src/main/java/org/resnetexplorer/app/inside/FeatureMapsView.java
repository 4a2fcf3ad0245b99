package org.resnetexplorer.app.inside;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Feature maps tab: the input as the network sees it, a layer list, the chosen layer's
 * channels for the ResNet and its plain twin side by side, and one channel enlarged with its
 * statistics. Every redraw reads the cached forward pass; nothing here calls the engine.
 */
public final class FeatureMapsView extends BorderPane {

    private final FeatureMapsViewModel vm;
    private final ImageView input = new ImageView();
    private final Label inputCaption = new Label();
    private final LayerGrid resnetGrid;
    private final LayerGrid plainGrid;
    private final ImageView resnetChannel = new ImageView();
    private final ImageView plainChannel = new ImageView();
    private final Label channelTitle = new Label();
    private final Label resnetStats = new Label();
    private final Label plainStats = new Label();
    private final Label note = new Label();
    private long redraws;

    public FeatureMapsView(FeatureMapsViewModel vm, InsideSelection selection) {
        this.vm = vm;
        getStyleClass().add("feature-maps-view");
        resnetGrid = new LayerGrid("resnetGrid", vm.channelProperty()::set);
        plainGrid = new LayerGrid("plainGrid", vm.channelProperty()::set);
        setTop(new SelectionBar(selection));
        setLeft(left());
        HBox grids = new HBox(6, resnetGrid, plainGrid);
        HBox.setHgrow(resnetGrid, Priority.ALWAYS);
        HBox.setHgrow(plainGrid, Priority.ALWAYS);
        resnetGrid.setPrefWidth(400);
        plainGrid.setPrefWidth(400);
        setCenter(grids);
        setRight(right());
        vm.layerProperty().addListener((o, a, b) -> redraw());
        vm.channelProperty().addListener((o, a, b) -> redrawChannel());
        vm.reportProperty().addListener((o, a, b) -> redraw());
        redraw();
    }

    private VBox left() {
        input.setSmooth(false);
        input.setFitWidth(120);
        input.setFitHeight(120);
        input.setPreserveRatio(true);
        inputCaption.setWrapText(true);
        inputCaption.setMaxWidth(170);
        inputCaption.getStyleClass().add("caption");
        ListView<String> layers = new ListView<>(vm.layers());
        layers.setId("featureLayerList");
        layers.setPrefWidth(180);
        layers.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.layerProperty().set(b);
            }
        });
        vm.layerProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(layers.getSelectionModel().getSelectedItem())) {
                layers.getSelectionModel().select(b);
                layers.scrollTo(Math.max(0, layers.getSelectionModel().getSelectedIndex() - 3));
            }
        });
        Label title = new Label("Input, as the networks see it");
        title.getStyleClass().add("panel-title");
        Label layerTitle = new Label("Layer");
        layerTitle.getStyleClass().add("panel-title");
        VBox box = new VBox(6, title, input, inputCaption, layerTitle, layers);
        VBox.setVgrow(layers, Priority.ALWAYS);
        box.setPadding(new Insets(4, 6, 6, 10));
        return box;
    }

    private VBox right() {
        for (ImageView v : new ImageView[] {resnetChannel, plainChannel}) {
            v.setSmooth(false);
            v.setFitWidth(150);
            v.setFitHeight(150);
            v.setPreserveRatio(true);
        }
        channelTitle.getStyleClass().add("panel-title");
        resnetStats.setWrapText(true);
        plainStats.setWrapText(true);
        resnetStats.setMaxWidth(190);
        plainStats.setMaxWidth(190);
        resnetStats.setId("resnetChannelStats");
        for (Label l : new Label[] {resnetStats, plainStats, inputCaption}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        Button csv = new Button("Save CSV");
        csv.setTooltip(new javafx.scene.control.Tooltip(
                "Mean, std, min and max of every channel of this layer, both networks"));
        csv.setOnAction(e -> saveCsv());
        Label hint = new Label("Click a tile to enlarge its channel. Colours: viridis, the"
                + " layer's min to max (each network on its own scale).");
        hint.setWrapText(true);
        hint.setMaxWidth(190);
        hint.getStyleClass().add("caption");
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(6, channelTitle, new Label("ResNet"), resnetChannel, resnetStats,
                new Label("Plain twin"), plainChannel, plainStats, hint, csv, note);
        box.setPadding(new Insets(4, 10, 6, 6));
        box.setPrefWidth(200);
        return box;
    }

    /** Both grids and the enlarged channel, from the cached pass. */
    public void redraw() {
        redraws++;
        InsideReport r = vm.report();
        if (r == null) {
            resnetGrid.show(null, "Choose a model and an image above.");
            plainGrid.show(null, "");
            return;
        }
        var in = r.input();
        if (in != null) {
            input.setImage(FxPixels.input(in.pixels(), in.shape().channels(),
                    in.shape().height(), in.shape().width()));
        }
        inputCaption.setText(r.imageTitle() + (in != null && in.inverted()
                ? " (inverted: light background)" : "") + "\n" + r.predictions());
        resnetGrid.show(vm.resnet(), "No layer chosen.");
        plainGrid.show(vm.plain(), vm.plainMissingText());
        redrawChannel();
    }

    private void redrawChannel() {
        int c = vm.channelProperty().get();
        var r = vm.resnet();
        var p = vm.plain();
        channelTitle.setText(r == null ? "Channel" : "Channel " + (c + 1) + " of "
                + r.map().channels());
        show(resnetChannel, resnetStats, r, c);
        show(plainChannel, plainStats, p, c);
    }

    private static void show(ImageView view, Label stats, FeatureMapsViewModel.Side s, int c) {
        if (s == null || c >= s.map().channels()) {
            view.setImage(null);
            stats.setText(s == null ? "—" : "no channel " + (c + 1));
            return;
        }
        var m = s.map();
        view.setImage(FxPixels.image(HeatMap.channel(m, c, s.min(), s.max()), m.width(),
                m.height()));
        stats.setText(FeatureMapsViewModel.statsText(m.channelStats(c)).replace("   ", "\n"));
    }

    private void saveCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save channel statistics as CSV");
        chooser.setInitialFileName("feature-maps-" + vm.layerProperty().get() + ".csv");
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            Files.writeString(f.toPath(), vm.statsCsv(), StandardCharsets.UTF_8);
            note.setText("Saved " + f.getName());
        } catch (IOException ex) {
            note.setText("Could not save " + f.getName() + ": " + ex.getMessage());
        }
    }

    /** How many times the view has redrawn, for tests. */
    public long redraws() {
        return redraws;
    }

    LayerGrid resnetGrid() {
        return resnetGrid;
    }
}
