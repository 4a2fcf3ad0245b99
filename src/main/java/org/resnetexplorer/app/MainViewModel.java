package org.resnetexplorer.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.resnetexplorer.engine.EngineUnavailableException;
import org.resnetexplorer.model.BlockKind;
import org.resnetexplorer.model.BlockSpec;
import org.resnetexplorer.model.InputShape;
import org.resnetexplorer.model.NetworkAnalysis;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;
import org.resnetexplorer.model.ShortcutOption;
import org.resnetexplorer.model.SpecEdit;
import org.resnetexplorer.model.SpecFormatException;
import org.resnetexplorer.model.SpecJson;
import org.resnetexplorer.model.SpecProblem;
import org.resnetexplorer.model.SpecValidator;
import org.resnetexplorer.model.StageSpec;

/**
 * The main window's state and commands, free of scene-graph types so tests drive it directly.
 * Everything shown (drawing, totals, validity) follows the <em>shown</em> network: the edited
 * spec, or its plain twin while that toggle is on. Edits always apply to the edited spec, so
 * turning the toggle off brings the skip connections back unchanged.
 */
public final class MainViewModel {

    private final SpecDocument document;
    private final DialogService dialogs;
    private final AppSettings settings;

    private final BooleanProperty plain = new SimpleBooleanProperty(this, "plain");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final ObjectProperty<BlockPath> selection = new SimpleObjectProperty<>(this, "selection");

    private final ReadOnlyObjectWrapper<NetworkSpec> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<SpecProblem>> problems =
            new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<NetworkAnalysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problemText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<NetworkSummary> summary =
            new ReadOnlyObjectWrapper<>(NetworkSummary.NONE);
    private final ReadOnlyObjectWrapper<BlockSpec> selectedBlock = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper engineText = new ReadOnlyStringWrapper("Engine: starting…");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();

    public MainViewModel(NetworkSpec initial, DialogService dialogs, AppSettings settings) {
        this.document = new SpecDocument(initial);
        this.dialogs = dialogs;
        this.settings = settings;
        recentFiles.setAll(settings.recentFiles());
        dark.set(settings.flag("dark"));
        presentation.set(settings.flag("presentation"));
        dark.addListener((o, a, b) -> settings.setFlag("dark", b));
        presentation.addListener((o, a, b) -> settings.setFlag("presentation", b));
        document.specProperty().addListener((o, a, b) -> refresh());
        document.dirtyProperty().addListener((o, a, b) -> refreshTitle());
        document.fileProperty().addListener((o, a, b) -> refreshTitle());
        plain.addListener((o, a, b) -> refresh());
        selection.addListener((o, a, b) -> refreshSelectedBlock());
        refresh();
    }

    // ---- derived state -------------------------------------------------------------------

    private void refresh() {
        NetworkSpec spec = plain.get() ? document.spec().plainTwin() : document.spec();
        List<SpecProblem> found = SpecValidator.validate(spec);
        shown.set(spec);
        problems.set(List.copyOf(found));
        analysis.set(found.isEmpty() ? NetworkAnalysis.of(spec) : null);
        valid.set(found.isEmpty());
        problemText.set(found.isEmpty() ? "" : found.get(0)
                + (found.size() > 1 ? "   (+" + (found.size() - 1) + " more)" : ""));
        summary.set(NetworkSummary.of(analysis.get()));
        BlockPath sel = selection.get();
        if (sel != null && !exists(sel)) {
            selection.set(null);
        }
        refreshSelectedBlock();
        refreshTitle();
        revision.set(revision.get() + 1);
    }

    private void refreshSelectedBlock() {
        BlockPath sel = selection.get();
        selectedBlock.set(sel != null && exists(sel) ? blockAt(sel) : null);
    }

    private void refreshTitle() {
        Path file = document.file();
        String name = file != null ? file.getFileName().toString() : document.spec().name();
        title.set(name + (document.isDirty() ? " *" : "") + " — ResNet Explorer");
    }

    private boolean exists(BlockPath p) {
        List<StageSpec> stages = document.spec().stages();
        return p.stage() >= 0 && p.stage() < stages.size() && p.block() >= 0
                && p.block() < stages.get(p.stage()).blocks().size();
    }

    private BlockSpec blockAt(BlockPath p) {
        return document.spec().stages().get(p.stage()).blocks().get(p.block());
    }

    // ---- files ---------------------------------------------------------------------------

    public void newFromPreset(String presetName) {
        if (confirmDiscard()) {
            selection.set(null);
            document.replaceAll(Presets.get(presetName), null);
        }
    }

    /**
     * Shows the architecture of a model just loaded elsewhere (e.g. in the Classify tab), as a
     * new unsaved document; unsaved edits are asked about first, and kept if the user cancels.
     */
    public boolean showArchitecture(NetworkSpec spec) {
        if (spec.equals(document.spec())) {
            return true;
        }
        if (!confirmDiscard()) {
            return false;
        }
        selection.set(null);
        document.replaceAll(spec, null);
        return true;
    }

    public void open() {
        if (confirmDiscard()) {
            dialogs.chooseFileToOpen(lastDirectory()).ifPresent(this::openFile);
        }
    }

    public void openRecent(Path file) {
        if (confirmDiscard()) {
            openFile(file);
        }
    }

    /** Opens without asking about unsaved changes; a bad file gives a dialog, never a trace. */
    public boolean openFile(Path file) {
        try {
            NetworkSpec spec = SpecJson.read(file);
            selection.set(null);
            document.replaceAll(spec, file.toAbsolutePath());
            remember(file);
            return true;
        } catch (SpecFormatException e) {
            dialogs.showError("Cannot open network", e.getMessage());
        } catch (IOException e) {
            dialogs.showError("Cannot open network", file + ": " + describe(e));
        }
        return false;
    }

    public boolean save() {
        return document.file() == null ? saveAs() : writeTo(document.file());
    }

    public boolean saveAs() {
        return dialogs.chooseFileToSave(lastDirectory(), document.spec().name() + SpecJson.EXTENSION)
                .map(MainViewModel::withExtension).map(this::writeTo).orElse(false);
    }

    private boolean writeTo(Path file) {
        try {
            SpecJson.write(document.spec(), file);
            document.markSaved(file.toAbsolutePath());
            remember(file);
            return true;
        } catch (IOException e) {
            dialogs.showError("Cannot save network", file + ": " + describe(e));
            return false;
        }
    }

    /** True when it is fine to throw the current network away (saved, discarded, or clean). */
    public boolean confirmDiscard() {
        if (!document.isDirty()) {
            return true;
        }
        return switch (dialogs.askSaveChanges(documentName())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    private String documentName() {
        Path file = document.file();
        return file != null ? file.getFileName().toString() : document.spec().name();
    }

    private void remember(Path file) {
        recentFiles.setAll(RecentFiles.touch(recentFiles, file));
        settings.setRecentFiles(recentFiles);
    }

    private Path lastDirectory() {
        Path file = document.file() != null ? document.file()
                : recentFiles.isEmpty() ? null : recentFiles.get(0);
        return file == null ? null : file.toAbsolutePath().getParent();
    }

    private static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(SpecJson.EXTENSION)) {
            return file;
        }
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return file.resolveSibling(base + SpecJson.EXTENSION);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "the file does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // ---- edits ---------------------------------------------------------------------------

    public boolean apply(SpecEdit edit) {
        return document.apply(edit);
    }

    public void undo() {
        document.undo();
    }

    public void redo() {
        document.redo();
    }

    public void select(BlockPath path) {
        selection.set(path != null && exists(path) ? path : null);
    }

    public void deleteSelected() {
        BlockPath sel = selection.get();
        if (sel == null) {
            return;
        }
        apply(new SpecEdit.RemoveBlock(sel.stage(), sel.block()));
        int left = document.spec().stages().get(sel.stage()).blocks().size();
        // Keep the selection where it was so Delete, Delete, Delete empties a stage.
        select(left == 0 ? null : new BlockPath(sel.stage(), Math.min(sel.block(), left - 1)));
    }

    public void duplicateSelected() {
        BlockPath sel = selection.get();
        if (sel != null) {
            apply(new SpecEdit.InsertBlock(sel.stage(), sel.block() + 1, blockAt(sel)));
            select(new BlockPath(sel.stage(), sel.block() + 1));
        }
    }

    /** What a palette drop does: a shape-keeping block at the insertion point. */
    public void insertNewBlock(BlockKind kind, int stage, int index) {
        int in = PaletteBlocks.channelsBefore(document.spec(), stage, index);
        int at = Math.min(index, document.spec().stages().get(stage).blocks().size());
        apply(new SpecEdit.InsertBlock(stage, at, PaletteBlocks.create(kind, in)));
        select(new BlockPath(stage, at));
    }

    /** A new block after the selected one, or at the end of the last stage. */
    public void addBlockAfterSelection(BlockKind kind) {
        BlockPath sel = selection.get();
        int stages = document.spec().stages().size();
        if (sel != null) {
            insertNewBlock(kind, sel.stage(), sel.block() + 1);
        } else if (stages > 0) {
            insertNewBlock(kind, stages - 1,
                    document.spec().stages().get(stages - 1).blocks().size());
        }
    }

    /** What dropping a dragged block does; {@code toIndex} counts before the move. */
    public void moveBlock(BlockPath from, int toStage, int toIndex) {
        if (!exists(from)) {
            return;
        }
        apply(new SpecEdit.MoveBlock(from.stage(), from.block(), toStage, toIndex));
        int at = toStage == from.stage() && toIndex > from.block() ? toIndex - 1 : toIndex;
        select(new BlockPath(toStage, Math.min(at,
                document.spec().stages().get(toStage).blocks().size() - 1)));
    }

    public void addStage(int index) {
        apply(new SpecEdit.InsertStage(index, new StageSpec(List.of())));
    }

    public void removeStage(int index) {
        apply(new SpecEdit.RemoveStage(index));
    }

    public void replaceSelectedBlock(BlockSpec block) {
        BlockPath sel = selection.get();
        if (sel != null) {
            apply(new SpecEdit.ReplaceBlock(sel.stage(), sel.block(), block));
        }
    }

    public void setInput(InputShape input) {
        apply(new SpecEdit.SetInput(input));
    }

    public void setStem(org.resnetexplorer.model.StemSpec stem) {
        apply(new SpecEdit.SetStem(stem));
    }

    public void setNumClasses(int classes) {
        apply(new SpecEdit.SetNumClasses(classes));
    }

    public void applyShortcutOption(ShortcutOption option) {
        apply(new SpecEdit.ApplyShortcutOption(option));
    }

    // ---- engine --------------------------------------------------------------------------

    /**
     * Describes the engine and device in the status bar once {@code probe} returns. The probe
     * starts native libraries (about a second), so it runs on {@code executor}, never on the
     * FX thread; the result is set on the FX thread by {@link Task}.
     */
    public void probeEngine(Executor executor, Supplier<String> probe) {
        Task<String> task = new Task<>() {
            @Override
            protected String call() {
                return probe.get();
            }
        };
        task.setOnSucceeded(e -> engineText.set(task.getValue()));
        task.setOnFailed(e -> engineText.set(engineFailure(task.getException())));
        executor.execute(task);
    }

    static String engineFailure(Throwable e) {
        if (e instanceof EngineUnavailableException) {
            return e.getMessage();
        }
        return "Engine unavailable: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage());
    }

    /** A quiet one-line message in the status bar, for news that needs no dialog. */
    public void notice(String text) {
        notice.set(text == null ? "" : text);
    }

    // ---- properties ----------------------------------------------------------------------

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public SpecDocument document() {
        return document;
    }

    public NetworkSpec spec() {
        return document.spec();
    }

    public AppSettings settings() {
        return settings;
    }

    public BooleanProperty plainProperty() {
        return plain;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public ReadOnlyObjectProperty<BlockPath> selectionProperty() {
        return selection;
    }

    public ReadOnlyObjectProperty<BlockSpec> selectedBlockProperty() {
        return selectedBlock.getReadOnlyProperty();
    }

    /** Goes up once per change of the shown network, after every derived value is updated. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NetworkSpec> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<SpecProblem>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NetworkAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /** True while the shown network can be built; "Train" and "Classify" bind to this. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemTextProperty() {
        return problemText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NetworkSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty engineTextProperty() {
        return engineText.getReadOnlyProperty();
    }

    public ObservableList<Path> recentFiles() {
        return FXCollections.unmodifiableObservableList(recentFiles);
    }
}
