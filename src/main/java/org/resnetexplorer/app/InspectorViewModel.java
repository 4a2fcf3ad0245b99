package org.resnetexplorer.app;

import java.util.Arrays;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.resnetexplorer.model.BlockKind;
import org.resnetexplorer.model.BlockSpec;
import org.resnetexplorer.model.InputShape;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.ShortcutKind;
import org.resnetexplorer.model.ShortcutOption;
import org.resnetexplorer.model.StemSpec;

/**
 * The inspector's fields. They are loaded from the selected block and the network whenever
 * either changes; a field the user changes becomes one undoable edit. Loading never edits,
 * and writing back a value equal to the spec's is not an edit, so the two directions cannot
 * feed each other.
 */
public final class InspectorViewModel {

    private final MainViewModel main;
    private boolean loading;

    private final ReadOnlyBooleanWrapper blockSelected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper bottleneck = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper blockTitle = new ReadOnlyStringWrapper("No block selected");
    private final ObjectProperty<BlockKind> kind = new SimpleObjectProperty<>(BlockKind.BASIC);
    private final ObjectProperty<Integer> outChannels = new SimpleObjectProperty<>(64);
    private final ObjectProperty<Integer> stride = new SimpleObjectProperty<>(1);
    private final ObjectProperty<ShortcutKind> shortcut =
            new SimpleObjectProperty<>(ShortcutKind.IDENTITY);
    private final BooleanProperty preActivation = new SimpleBooleanProperty();
    private final ObjectProperty<Integer> bottleneckWidth = new SimpleObjectProperty<>(0);
    private final BooleanProperty strideIn3x3 = new SimpleBooleanProperty();

    private final ObjectProperty<Integer> inputChannels = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> inputHeight = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> inputWidth = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> classes = new SimpleObjectProperty<>();
    private final ObjectProperty<ShortcutOption> shortcutOption = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> stemChannels = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> stemKernel = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> stemStride = new SimpleObjectProperty<>();
    private final BooleanProperty stemPool = new SimpleBooleanProperty();

    public InspectorViewModel(MainViewModel main) {
        this.main = main;
        main.selectedBlockProperty().addListener((o, a, b) -> load());
        main.selectionProperty().addListener((o, a, b) -> load());
        main.document().specProperty().addListener((o, a, b) -> load());
        for (ObservableValue<?> field : Arrays.asList(kind, outChannels, stride, shortcut,
                preActivation, bottleneckWidth, strideIn3x3)) {
            field.addListener((o, a, b) -> {
                if (!loading) {
                    commitBlock();
                }
            });
        }
        for (ObservableValue<?> field : Arrays.asList(inputChannels, inputHeight, inputWidth)) {
            field.addListener((o, a, b) -> {
                if (!loading) {
                    commitInput();
                }
            });
        }
        for (ObservableValue<?> field : Arrays.asList(stemChannels, stemKernel, stemStride,
                stemPool)) {
            field.addListener((o, a, b) -> {
                if (!loading) {
                    commitStem();
                }
            });
        }
        classes.addListener((o, a, b) -> {
            if (!loading && b != null && b != main.spec().numClasses()) {
                main.setNumClasses(b);
            }
        });
        shortcutOption.addListener((o, a, b) -> {
            if (!loading && b != null && !b.applyTo(main.spec()).equals(main.spec())) {
                main.applyShortcutOption(b);
            }
        });
        load();
    }

    private void load() {
        loading = true;
        try {
            BlockSpec b = main.selectedBlockProperty().get();
            BlockPath at = main.selectionProperty().get();
            blockSelected.set(b != null);
            bottleneck.set(b != null && b.kind() == BlockKind.BOTTLENECK);
            blockTitle.set(b == null ? "No block selected" : at.label());
            if (b != null) {
                kind.set(b.kind());
                outChannels.set(b.outChannels());
                stride.set(b.stride());
                shortcut.set(b.shortcut());
                preActivation.set(b.preActivation());
                bottleneckWidth.set(b.bottleneckWidth());
                strideIn3x3.set(b.strideIn3x3());
            }
            NetworkSpec spec = main.spec();
            inputChannels.set(spec.input().channels());
            inputHeight.set(spec.input().height());
            inputWidth.set(spec.input().width());
            classes.set(spec.numClasses());
            shortcutOption.set(matchingOption(spec));
            stemChannels.set(spec.stem().outChannels());
            stemKernel.set(spec.stem().kernel());
            stemStride.set(spec.stem().stride());
            stemPool.set(spec.stem().maxPool());
        } finally {
            loading = false;
        }
    }

    /** The paper's option the network follows exactly, or null for a hand-made mixture. */
    public static ShortcutOption matchingOption(NetworkSpec spec) {
        return Arrays.stream(ShortcutOption.values()).filter(o -> o.applyTo(spec).equals(spec))
                .findFirst().orElse(null);
    }

    private void commitBlock() {
        BlockSpec current = main.selectedBlockProperty().get();
        if (current == null) {
            return;
        }
        BlockKind k = Objects.requireNonNullElse(kind.get(), current.kind());
        int width = Objects.requireNonNullElse(bottleneckWidth.get(), current.bottleneckWidth());
        boolean in3x3 = strideIn3x3.get();
        int out = Objects.requireNonNullElse(outChannels.get(), current.outChannels());
        if (k == BlockKind.BASIC && current.kind() == BlockKind.BASIC) {
            // The width and 3x3-stride fields mean nothing for a basic block; never edit them.
            width = current.bottleneckWidth();
            in3x3 = current.strideIn3x3();
        } else if (k != current.kind()) {
            // A bottleneck's usual inner width is a quarter of its output; a basic block has none.
            width = k == BlockKind.BOTTLENECK ? Math.max(1, out / 4) : 0;
            in3x3 = k == BlockKind.BOTTLENECK;
        }
        BlockSpec edited = new BlockSpec(k, out,
                Objects.requireNonNullElse(stride.get(), current.stride()),
                Objects.requireNonNullElse(shortcut.get(), current.shortcut()),
                preActivation.get(), width, in3x3);
        if (!edited.equals(current)) {
            main.replaceSelectedBlock(edited);
        } else {
            load();
        }
    }

    private void commitInput() {
        InputShape now = main.spec().input();
        InputShape edited = new InputShape(
                Objects.requireNonNullElse(inputChannels.get(), now.channels()),
                Objects.requireNonNullElse(inputHeight.get(), now.height()),
                Objects.requireNonNullElse(inputWidth.get(), now.width()));
        if (!edited.equals(now)) {
            main.setInput(edited);
        }
    }

    private void commitStem() {
        StemSpec now = main.spec().stem();
        StemSpec edited = new StemSpec(
                Objects.requireNonNullElse(stemChannels.get(), now.outChannels()),
                Objects.requireNonNullElse(stemKernel.get(), now.kernel()),
                Objects.requireNonNullElse(stemStride.get(), now.stride()), stemPool.get());
        if (!edited.equals(now)) {
            main.setStem(edited);
        }
    }

    public ObjectProperty<Integer> stemChannelsProperty() {
        return stemChannels;
    }

    public ObjectProperty<Integer> stemKernelProperty() {
        return stemKernel;
    }

    public ObjectProperty<Integer> stemStrideProperty() {
        return stemStride;
    }

    public BooleanProperty stemPoolProperty() {
        return stemPool;
    }

    public ReadOnlyBooleanProperty blockSelectedProperty() {
        return blockSelected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty bottleneckProperty() {
        return bottleneck.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty blockTitleProperty() {
        return blockTitle.getReadOnlyProperty();
    }

    public ObjectProperty<BlockKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Integer> outChannelsProperty() {
        return outChannels;
    }

    public ObjectProperty<Integer> strideProperty() {
        return stride;
    }

    public ObjectProperty<ShortcutKind> shortcutProperty() {
        return shortcut;
    }

    public BooleanProperty preActivationProperty() {
        return preActivation;
    }

    public ObjectProperty<Integer> bottleneckWidthProperty() {
        return bottleneckWidth;
    }

    public BooleanProperty strideIn3x3Property() {
        return strideIn3x3;
    }

    public ObjectProperty<Integer> inputChannelsProperty() {
        return inputChannels;
    }

    public ObjectProperty<Integer> inputHeightProperty() {
        return inputHeight;
    }

    public ObjectProperty<Integer> inputWidthProperty() {
        return inputWidth;
    }

    public ObjectProperty<Integer> classesProperty() {
        return classes;
    }

    public ObjectProperty<ShortcutOption> shortcutOptionProperty() {
        return shortcutOption;
    }
}
