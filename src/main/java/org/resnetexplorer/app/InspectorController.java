package org.resnetexplorer.app;

import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.resnetexplorer.model.BlockKind;
import org.resnetexplorer.model.ShortcutKind;
import org.resnetexplorer.model.ShortcutOption;

/** Binds the inspector's controls to {@link InspectorViewModel}; no decisions are made here. */
public final class InspectorController {

    private final MainViewModel main;
    private final InspectorViewModel vm;

    @FXML private Label blockTitle;
    @FXML private GridPane blockForm;
    @FXML private ComboBox<BlockKind> kindBox;
    @FXML private Spinner<Integer> outChannelsSpinner;
    @FXML private Spinner<Integer> strideSpinner;
    @FXML private ComboBox<ShortcutKind> shortcutBox;
    @FXML private CheckBox preActivationBox;
    @FXML private Spinner<Integer> widthSpinner;
    @FXML private CheckBox strideIn3x3Box;
    @FXML private Button duplicateButton;
    @FXML private Button deleteButton;
    @FXML private Spinner<Integer> inputChannelsSpinner;
    @FXML private Spinner<Integer> inputHeightSpinner;
    @FXML private Spinner<Integer> inputWidthSpinner;
    @FXML private Spinner<Integer> classesSpinner;
    @FXML private Spinner<Integer> stemChannelsSpinner;
    @FXML private Spinner<Integer> stemKernelSpinner;
    @FXML private Spinner<Integer> stemStrideSpinner;
    @FXML private CheckBox stemPoolBox;
    @FXML private ComboBox<ShortcutOption> optionBox;

    public InspectorController(MainViewModel main) {
        this.main = main;
        this.vm = new InspectorViewModel(main);
    }

    @FXML
    private void initialize() {
        blockTitle.textProperty().bind(vm.blockTitleProperty());
        blockForm.disableProperty().bind(vm.blockSelectedProperty().not());
        duplicateButton.disableProperty().bind(vm.blockSelectedProperty().not());
        deleteButton.disableProperty().bind(vm.blockSelectedProperty().not());

        kindBox.getItems().setAll(BlockKind.values());
        kindBox.setConverter(named(k -> k == BlockKind.BASIC ? "Basic" : "Bottleneck"));
        kindBox.valueProperty().bindBidirectional(vm.kindProperty());

        shortcutBox.getItems().setAll(ShortcutKind.values());
        shortcutBox.setConverter(named(k -> switch (k) {
            case IDENTITY -> "Identity";
            case ZERO_PAD -> "Zero-pad";
            case PROJECTION -> "Projection";
            case NONE -> "None";
        }));
        shortcutBox.valueProperty().bindBidirectional(vm.shortcutProperty());
        // In the plain twin every shortcut is gone; editing them there would show nothing.
        shortcutBox.disableProperty().bind(main.plainProperty());

        spinner(outChannelsSpinner, 1, 8192, vm.outChannelsProperty().get());
        outChannelsSpinner.getValueFactory().valueProperty()
                .bindBidirectional(vm.outChannelsProperty());
        spinner(strideSpinner, 1, 8, 1);
        strideSpinner.getValueFactory().valueProperty().bindBidirectional(vm.strideProperty());
        spinner(widthSpinner, 0, 8192, 0);
        widthSpinner.getValueFactory().valueProperty()
                .bindBidirectional(vm.bottleneckWidthProperty());
        widthSpinner.disableProperty().bind(vm.bottleneckProperty().not());
        strideIn3x3Box.disableProperty().bind(vm.bottleneckProperty().not());
        preActivationBox.selectedProperty().bindBidirectional(vm.preActivationProperty());
        strideIn3x3Box.selectedProperty().bindBidirectional(vm.strideIn3x3Property());

        spinner(inputChannelsSpinner, 1, 64, 3);
        inputChannelsSpinner.getValueFactory().valueProperty()
                .bindBidirectional(vm.inputChannelsProperty());
        spinner(inputHeightSpinner, 1, 4096, 32);
        inputHeightSpinner.getValueFactory().valueProperty()
                .bindBidirectional(vm.inputHeightProperty());
        spinner(inputWidthSpinner, 1, 4096, 32);
        inputWidthSpinner.getValueFactory().valueProperty()
                .bindBidirectional(vm.inputWidthProperty());
        spinner(classesSpinner, 1, 100000, 10);
        classesSpinner.getValueFactory().valueProperty().bindBidirectional(vm.classesProperty());

        spinner(stemChannelsSpinner, 1, 8192, vm.stemChannelsProperty().get());
        stemChannelsSpinner.getValueFactory().valueProperty()
                .bindBidirectional(vm.stemChannelsProperty());
        spinner(stemKernelSpinner, 1, 15, vm.stemKernelProperty().get());
        // odd kernels only keep the image centred: the arrows step 1, 3, 5, 7
        ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory)
                stemKernelSpinner.getValueFactory()).setAmountToStepBy(2);
        stemKernelSpinner.getValueFactory().valueProperty()
                .bindBidirectional(vm.stemKernelProperty());
        spinner(stemStrideSpinner, 1, 8, vm.stemStrideProperty().get());
        stemStrideSpinner.getValueFactory().valueProperty()
                .bindBidirectional(vm.stemStrideProperty());
        stemPoolBox.selectedProperty().bindBidirectional(vm.stemPoolProperty());

        optionBox.getItems().setAll(ShortcutOption.values());
        optionBox.setConverter(named(o -> switch (o) {
            case A -> "A (zero-pad)";
            case B -> "B (projection)";
            case C -> "C (all projection)";
        }));
        optionBox.valueProperty().bindBidirectional(vm.shortcutOptionProperty());
        optionBox.disableProperty().bind(main.plainProperty());
    }

    @FXML
    private void duplicate() {
        main.duplicateSelected();
    }

    @FXML
    private void delete() {
        main.deleteSelected();
    }

    private static void spinner(Spinner<Integer> spinner, int min, int max, Integer initial) {
        IntSpinners.setUp(spinner, min, max, initial == null ? min : initial);
    }

    private static <T> StringConverter<T> named(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed in");
            }
        };
    }
}
