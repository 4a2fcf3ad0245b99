package org.resnetexplorer.app.editor;

/** Where something dragged onto the editor would land. Indices are 0-based insertion points. */
public sealed interface DropTarget {

    /** Between blocks: {@code index} counts the blocks of the stage as it is now. */
    record BlockSlot(int stage, int index) implements DropTarget {
    }

    /** Between stages. */
    record StageSlot(int index) implements DropTarget {
    }
}
