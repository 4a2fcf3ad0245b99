package org.resnetexplorer.app;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.resnetexplorer.app.editor.BlockEditorView;
import org.resnetexplorer.app.editor.DragPayload;
import org.resnetexplorer.model.BlockKind;
import org.resnetexplorer.model.LayerInfo;
import org.resnetexplorer.model.NetworkAnalysis;
import org.resnetexplorer.model.Presets;

/** Binds the main window's controls to {@link MainViewModel} and forwards its commands. */
public final class MainController {

    private final MainViewModel vm;

    @FXML private BorderPane root;
    @FXML private Menu newMenu;
    @FXML private Menu recentMenu;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private MenuItem duplicateItem;
    @FXML private MenuItem deleteItem;
    @FXML private CheckMenuItem plainItem;
    @FXML private CheckMenuItem presentationItem;
    @FXML private CheckMenuItem darkItem;
    @FXML private MenuButton newButton;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private ToggleButton plainToggle;
    @FXML private ToggleButton presentationToggle;
    @FXML private ToggleButton darkToggle;
    @FXML private Label zoomLabel;
    @FXML private SplitPane verticalSplit;
    @FXML private SplitPane mainSplit;
    @FXML private VBox palette;
    @FXML private Label paletteBasic;
    @FXML private Label paletteBottleneck;
    @FXML private Label paletteStage;
    @FXML private Label problemBanner;
    @FXML private BlockEditorView editor;
    @FXML private TableView<LayerInfo> layerTable;
    @FXML private TableColumn<LayerInfo, String> layerNameColumn;
    @FXML private TableColumn<LayerInfo, String> layerTypeColumn;
    @FXML private TableColumn<LayerInfo, String> layerShapeColumn;
    @FXML private TableColumn<LayerInfo, String> layerParamsColumn;
    @FXML private TableColumn<LayerInfo, String> layerMacsColumn;
    @FXML private Label paramsLabel;
    @FXML private Label macsLabel;
    @FXML private Label depthLabel;
    @FXML private Label memoryLabel;
    @FXML private Label validityLabel;
    @FXML private Label engineLabel;
    @FXML private Label noticeLabel;
    @FXML private MenuItem welcomeItem;
    @FXML private Tab classifyTab;
    @FXML private Tab featureMapsTab;
    @FXML private Tab shortcutsTab;
    @FXML private Tab gradientsTab;
    @FXML private Tab trainTab;

    public MainController(MainViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        for (String name : Presets.names()) {
            newMenu.getItems().add(presetItem(name));
            newButton.getItems().add(presetItem(name));
        }
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecentMenu());
        fillRecentMenu();

        SpecDocument doc = vm.document();
        undoItem.textProperty().bind(doc.undoTextProperty());
        redoItem.textProperty().bind(doc.redoTextProperty());
        undoItem.disableProperty().bind(doc.canUndoProperty().not());
        redoItem.disableProperty().bind(doc.canRedoProperty().not());
        undoButton.disableProperty().bind(doc.canUndoProperty().not());
        redoButton.disableProperty().bind(doc.canRedoProperty().not());
        duplicateItem.disableProperty().bind(vm.selectionProperty().isNull());
        deleteItem.disableProperty().bind(vm.selectionProperty().isNull());

        plainItem.selectedProperty().bindBidirectional(vm.plainProperty());
        plainToggle.selectedProperty().bindBidirectional(vm.plainProperty());
        presentationItem.selectedProperty().bindBidirectional(vm.presentationProperty());
        presentationToggle.selectedProperty().bindBidirectional(vm.presentationProperty());
        darkItem.selectedProperty().bindBidirectional(vm.darkProperty());
        darkToggle.selectedProperty().bindBidirectional(vm.darkProperty());
        styleClassWhile("dark", vm.darkProperty());
        styleClassWhile("presentation", vm.presentationProperty());

        editor.setViewModel(vm);
        editor.presentationProperty().bind(vm.presentationProperty());
        zoomLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(editor.zoomProperty().get() * 100) + " %", editor.zoomProperty()));
        problemBanner.textProperty().bind(Bindings.concat("⚠  ", vm.problemTextProperty()));
        problemBanner.visibleProperty().bind(vm.validProperty().not());
        problemBanner.managedProperty().bind(vm.validProperty().not());

        paletteSource(paletteBasic, new DragPayload.NewBlock(BlockKind.BASIC));
        paletteSource(paletteBottleneck, new DragPayload.NewBlock(BlockKind.BOTTLENECK));
        paletteSource(paletteStage, new DragPayload.NewStage());

        setUpLayerTable();
        setUpStatusBar();
        rememberDividers();
    }

    /** Gives the bottom tabs most of the height (for the views that need room). */
    public void expandTabs() {
        verticalSplit.setDividerPositions(0.3);
    }

    /** The bottom tabs later views fill in, by their fx:id ("classifyTab", ...). */
    public Tab tab(String id) {
        return switch (id) {
            case "classifyTab" -> classifyTab;
            case "featureMapsTab" -> featureMapsTab;
            case "shortcutsTab" -> shortcutsTab;
            case "gradientsTab" -> gradientsTab;
            case "trainTab" -> trainTab;
            default -> throw new IllegalArgumentException("no tab " + id);
        };
    }

    /** What Help &gt; Welcome / lessons does; the welcome view is built after the window. */
    public void setOnWelcome(Runnable show) {
        welcomeItem.setOnAction(e -> show.run());
    }

    public BorderPane root() {
        return root;
    }

    public BlockEditorView editor() {
        return editor;
    }

    private MenuItem presetItem(String name) {
        MenuItem item = new MenuItem(name);
        item.setOnAction(e -> vm.newFromPreset(name));
        return item;
    }

    private void fillRecentMenu() {
        recentMenu.getItems().clear();
        for (Path file : vm.recentFiles()) {
            MenuItem item = new MenuItem(file.getFileName() + "   " + file.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.openRecent(file));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void styleClassWhile(String styleClass, ObservableValue<Boolean> on) {
        Runnable apply = () -> {
            root.getStyleClass().remove(styleClass);
            if (Boolean.TRUE.equals(on.getValue())) {
                root.getStyleClass().add(styleClass);
            }
        };
        on.addListener((o, a, b) -> apply.run());
        apply.run();
    }

    /** Palette entries are dragged; a double click adds without dragging (handy on a projector). */
    private void paletteSource(Label item, DragPayload payload) {
        item.setOnDragDetected(e -> {
            BlockEditorView.startDrag(item, payload, TransferMode.COPY);
            e.consume();
        });
        item.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                if (payload instanceof DragPayload.NewBlock nb) {
                    vm.addBlockAfterSelection(nb.kind());
                } else {
                    addStage();
                }
            }
        });
    }

    private void setUpLayerTable() {
        layerNameColumn.setCellValueFactory(text(LayerInfo::name));
        layerTypeColumn.setCellValueFactory(text(LayerInfo::type));
        layerShapeColumn.setCellValueFactory(text(l -> l.outShape().toString()));
        layerParamsColumn.setCellValueFactory(text(l -> Formats.count(l.params())));
        layerMacsColumn.setCellValueFactory(text(l -> Formats.count(l.macs())));
        Runnable fill = () -> {
            NetworkAnalysis a = vm.analysisProperty().get();
            if (a == null) {
                layerTable.getItems().clear();
            } else {
                layerTable.getItems().setAll(a.layers());
            }
        };
        vm.analysisProperty().addListener((o, a, b) -> fill.run());
        fill.run();
    }

    private static javafx.util.Callback<TableColumn.CellDataFeatures<LayerInfo, String>,
            ObservableValue<String>> text(Function<LayerInfo, String> f) {
        return c -> new ReadOnlyStringWrapper(f.apply(c.getValue()));
    }

    private void setUpStatusBar() {
        var summary = vm.summaryProperty();
        paramsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> "Parameters " + summary.get().params(), summary));
        macsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> "Mult-adds " + summary.get().macs(), summary));
        depthLabel.textProperty().bind(Bindings.createStringBinding(
                () -> "Depth " + summary.get().depth() + " layers", summary));
        memoryLabel.textProperty().bind(Bindings.createStringBinding(
                () -> "Activations " + summary.get().memory() + " / image", summary));
        validityLabel.textProperty().bind(Bindings.createStringBinding(
                () -> vm.validProperty().get() ? "✓ valid"
                        : "✗ " + vm.problemsProperty().get().size() + " problem"
                                + (vm.problemsProperty().get().size() == 1 ? "" : "s"),
                vm.validProperty(), vm.problemsProperty()));
        Runnable mark = () -> {
            validityLabel.getStyleClass().removeAll("valid", "invalid");
            validityLabel.getStyleClass().add(vm.validProperty().get() ? "valid" : "invalid");
        };
        vm.validProperty().addListener((o, a, b) -> mark.run());
        mark.run();
        engineLabel.textProperty().bind(vm.engineTextProperty());
        noticeLabel.textProperty().bind(vm.noticeProperty());
    }

    private void rememberDividers() {
        AppSettings settings = vm.settings();
        mainSplit.setDividerPositions(settings.divider("left", 0.13),
                settings.divider("right", 0.79));
        verticalSplit.setDividerPositions(settings.divider("bottom", 0.77));
        SplitPane.setResizableWithParent(palette, false);
        mainSplit.getDividers().get(0).positionProperty()
                .addListener((o, a, b) -> settings.setDivider("left", b.doubleValue()));
        mainSplit.getDividers().get(1).positionProperty()
                .addListener((o, a, b) -> settings.setDivider("right", b.doubleValue()));
        verticalSplit.getDividers().get(0).positionProperty()
                .addListener((o, a, b) -> settings.setDivider("bottom", b.doubleValue()));
    }

    // ---- commands ------------------------------------------------------------------------

    @FXML
    private void open() {
        vm.open();
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void saveAs() {
        vm.saveAs();
    }

    @FXML
    private void quit() {
        Window window = root.getScene().getWindow();
        if (vm.confirmDiscard()) {
            window.hide();
        }
    }

    @FXML
    private void undo() {
        vm.undo();
    }

    @FXML
    private void redo() {
        vm.redo();
    }

    @FXML
    private void duplicate() {
        vm.duplicateSelected();
    }

    @FXML
    private void delete() {
        vm.deleteSelected();
    }

    @FXML
    private void addStage() {
        vm.addStage(vm.spec().stages().size());
    }

    @FXML
    private void zoomIn() {
        editor.zoomIn();
    }

    @FXML
    private void zoomOut() {
        editor.zoomOut();
    }

    @FXML
    private void fit() {
        editor.fitToWindow();
    }
}
