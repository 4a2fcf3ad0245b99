package org.resnetexplorer.app;

/** The answer to "save changes before closing?". */
public enum UnsavedChoice {
    SAVE,
    DISCARD,
    CANCEL
}
