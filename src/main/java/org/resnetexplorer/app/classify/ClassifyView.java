package org.resnetexplorer.app.classify;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/**
 * The Classify tab: choose a model, drop images (or open or paste them), and see each one's top
 * classes beside what the network actually sees, for the ResNet and its plain twin. Only draws;
 * the view model does the work in the background.
 */
public final class ClassifyView extends BorderPane {

    private final ClassifyViewModel vm;
    private final FlowPane gallery = new FlowPane(14, 14);
    private final Label dropHint = new Label("Drop images here\nPNG, JPEG, BMP, GIF, TIFF — any"
            + " size; or use Open images… or Paste");

    public ClassifyView(ClassifyViewModel vm) {
        this.vm = vm;
        getStyleClass().add("classify-view");
        getStylesheets().add(Objects.requireNonNull(ClassifyView.class.getResource(
                "classify.css"), "missing classify.css").toExternalForm());
        setTop(toolbar());
        setCenter(galleryArea());
        setOnDragOver(this::acceptFiles);
        setOnDragDropped(this::dropFiles);
    }

    private VBox toolbar() {
        ComboBox<ModelChoice> models = new ComboBox<>(vm.choices());
        models.setId("modelChooser");
        models.valueProperty().bindBidirectional(vm.selectedProperty());
        models.setPromptText("Choose a model");
        // while a model downloads and converts, the choice stays what is being fetched
        models.disableProperty().bind(vm.downloadingProperty());
        models.setPrefWidth(330);
        models.setMinWidth(160);
        Button download = new Button("Download");
        download.setId("downloadModel");
        download.getStyleClass().add("download-button");
        download.visibleProperty().bind(vm.downloadableProperty().isNotNull()
                .and(vm.busyProperty().not()));
        download.managedProperty().bind(download.visibleProperty());
        download.setOnAction(e -> vm.download());
        Button folder = new Button("Model folder…");
        folder.setOnAction(e -> chooseFolder());
        folder.disableProperty().bind(vm.downloadingProperty());
        ComboBox<String> device = new ComboBox<>();
        device.getItems().setAll("auto", "cpu", "gpu");
        device.valueProperty().bindBidirectional(vm.deviceProperty());
        device.setId("deviceChooser");
        device.disableProperty().bind(vm.downloadingProperty());
        device.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String value) {
                return vm.deviceLabel(value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        // the labels say what DJL sees, known once the engine has loaded a model
        vm.gpusSeenProperty().addListener((o, was, now) -> {
            String value = device.getValue();
            device.getItems().setAll("auto", "cpu", "gpu");
            device.setValue(value);
        });
        Button open = new Button("Open images…");
        open.setId("openImages");
        open.setOnAction(e -> openImages());
        Button paste = new Button("Paste");
        paste.setOnAction(e -> paste());
        CheckBox twin = new CheckBox("Compare with plain twin");
        twin.selectedProperty().bindBidirectional(vm.showTwinProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.setPrefWidth(140);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelClassify");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> vm.clear());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(8, new Label("Model"), models, download, folder, new Label("Device"),
                device);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox images = new HBox(8, open, paste, clear, twin, grow, progress, cancel);
        images.setAlignment(Pos.CENTER_LEFT);
        // a narrow window squeezes the chooser, never a button's words
        for (HBox box : List.of(row, images)) {
            box.getChildren().stream().filter(n -> n instanceof javafx.scene.control.Labeled)
                    .forEach(n -> ((javafx.scene.control.Labeled) n)
                            .setMinWidth(Region.USE_PREF_SIZE));
        }
        Label description = new Label();
        description.textProperty().bind(vm.modelDescriptionProperty());
        description.getStyleClass().add("model-description");
        Label status = new Label();
        status.setId("classifyStatus");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("classify-status");
        VBox top = new VBox(6, row, images, description, status);
        top.setPadding(new Insets(8, 10, 6, 10));
        return top;
    }

    private StackPane galleryArea() {
        gallery.setPadding(new Insets(10));
        gallery.setId("gallery");
        ScrollPane scroll = new ScrollPane(gallery);
        scroll.setFitToWidth(true);
        dropHint.getStyleClass().add("drop-hint");
        dropHint.setMouseTransparent(true);
        StackPane area = new StackPane(scroll, dropHint);
        area.getStyleClass().add("drop-zone");
        vm.cards().addListener((ListChangeListener<ImageCard>) c -> redraw());
        redraw();
        return area;
    }

    private void redraw() {
        String resnetName = vm.loaded() == null ? "model"
                : vm.loaded().resnet().network().spec().name()
                        + (vm.loaded().trained() ? "" : " (untrained)");
        String twinName = vm.loaded() == null || vm.loaded().twinLabel() == null ? "plain twin"
                : vm.loaded().twinLabel();
        gallery.getChildren().setAll(vm.cards().stream()
                .map(c -> new ImageCardView(c, resnetName, twinName)).toList());
        dropHint.setVisible(vm.cards().isEmpty());
    }

    private void acceptFiles(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropFiles(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) {
            onFilesDropped(e.getDragboard().getFiles());
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    /** What a drop of files does; also the entry point for tests (no OS drag headless). */
    public void onFilesDropped(List<File> files) {
        vm.classifyWhenReady(files.stream().flatMap(ClassifyView::expand).toList());
    }

    /** A dropped folder stands for the files directly in it. */
    private static java.util.stream.Stream<Path> expand(File f) {
        Path p = f.toPath();
        if (!Files.isDirectory(p)) {
            return java.util.stream.Stream.of(p);
        }
        try (var list = Files.list(p)) {
            return list.filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
            return java.util.stream.Stream.of(p);
        }
    }

    private void openImages() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open images");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp",
                        "*.gif", "*.tif", "*.tiff"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path samples = Path.of("sample-images");
        if (Files.isDirectory(samples)) {
            chooser.setInitialDirectory(samples.toFile());
        }
        List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (files != null) {
            onFilesDropped(files);
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a model folder (with spec.resnet.json)");
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            vm.addFolder(dir.toPath());
        }
    }

    /** Files on the clipboard, or a copied picture saved as a temporary PNG. */
    private void paste() {
        Clipboard cb = Clipboard.getSystemClipboard();
        if (cb.hasFiles()) {
            onFilesDropped(cb.getFiles());
        } else if (cb.hasImage()) {
            try {
                Path tmp = Files.createTempFile("pasted-", ".png");
                tmp.toFile().deleteOnExit();
                ImageIO.write(SwingFXUtils.fromFXImage(cb.getImage(), null), "png",
                        tmp.toFile());
                onFilesDropped(List.of(tmp.toFile()));
            } catch (IOException ex) {
                vm.classify(List.of());
            }
        }
    }
}
