package org.resnetexplorer.app.inside;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.resnetexplorer.app.classify.ModelChoice;

/**
 * The model and image choosers at the top of each probe tab. Every tab has its own bar (a node
 * lives in one place), all bound to the one shared {@link InsideSelection}.
 */
public final class SelectionBar extends VBox {

    public SelectionBar(InsideSelection vm) {
        ComboBox<ModelChoice> models = new ComboBox<>(vm.models());
        models.getStyleClass().add("inside-model-chooser");
        models.valueProperty().bindBidirectional(vm.modelProperty());
        models.setPromptText("Choose a model");
        models.setPrefWidth(290);
        Button folder = new Button("Model folder…");
        folder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose a model folder (with spec.resnet.json)");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.addFolder(dir.toPath());
            }
        });
        ComboBox<ImageChoice> images = new ComboBox<>(vm.images());
        images.getStyleClass().add("inside-image-chooser");
        images.valueProperty().bindBidirectional(vm.imageProperty());
        images.setPromptText("Choose an image");
        images.setPrefWidth(230);
        Button open = new Button("Open image…");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open an image to look inside the networks with");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images",
                    "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"));
            Path samples = SampleImages.folder();
            if (samples != null) {
                chooser.setInitialDirectory(samples.toFile());
            }
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.addImage(f.toPath());
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());
        HBox row = new HBox(8, new Label("Model"), models, folder, new Label("Image"), images,
                open, busy, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.getStyleClass().add("inside-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        getChildren().setAll(row, status);
        setSpacing(4);
        setPadding(new Insets(6, 10, 4, 10));
        getStyleClass().add("selection-bar");
    }
}
