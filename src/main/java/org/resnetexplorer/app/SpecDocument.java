package org.resnetexplorer.app;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.SpecEdit;

/**
 * The network being edited, its file and its undo/redo history. "Dirty" compares with the spec
 * last saved or opened, so undoing back to it clears the star again.
 */
public final class SpecDocument {

    private record Step(SpecEdit edit, NetworkSpec before, NetworkSpec after) {
    }

    private final ReadOnlyObjectWrapper<NetworkSpec> spec = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyIntegerWrapper generation = new ReadOnlyIntegerWrapper();
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private NetworkSpec saved;

    public SpecDocument(NetworkSpec initial) {
        replaceAll(initial, null);
    }

    /** Starts over with a new network (a preset or an opened file); history is cleared. */
    public void replaceAll(NetworkSpec value, Path from) {
        undo.clear();
        redo.clear();
        saved = from == null ? null : value;
        file.set(from);
        spec.set(Objects.requireNonNull(value));
        refresh();
        generation.set(generation.get() + 1);
    }

    /** Applies an edit; an edit that changes nothing leaves no step to undo. */
    public boolean apply(SpecEdit edit) {
        NetworkSpec before = spec.get();
        NetworkSpec after = edit.applyTo(before);
        if (after.equals(before)) {
            return false;
        }
        undo.push(new Step(edit, before, after));
        redo.clear();
        spec.set(after);
        refresh();
        return true;
    }

    public void undo() {
        if (!undo.isEmpty()) {
            Step step = undo.pop();
            redo.push(step);
            spec.set(step.before());
            refresh();
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            Step step = redo.pop();
            undo.push(step);
            spec.set(step.after());
            refresh();
        }
    }

    /** Records that the current spec is now on disk at {@code where}. */
    public void markSaved(Path where) {
        saved = spec.get();
        file.set(where);
        refresh();
    }

    private void refresh() {
        // A new, never-saved network counts as dirty only once it has been edited.
        dirty.set(saved == null ? !undo.isEmpty() : !saved.equals(spec.get()));
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoText.set(undo.isEmpty() ? "Undo" : "Undo " + undo.peek().edit().description());
        redoText.set(redo.isEmpty() ? "Redo" : "Redo " + redo.peek().edit().description());
    }

    public NetworkSpec spec() {
        return spec.get();
    }

    public ReadOnlyObjectProperty<NetworkSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }

    /** Goes up each time a different network is loaded (not on edits): views reset zoom then. */
    public ReadOnlyIntegerProperty generationProperty() {
        return generation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }
}
