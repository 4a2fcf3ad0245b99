package org.resnetexplorer.engine.zoo;

import java.io.IOException;

/** A downloaded or given parameter file that cannot become a model folder, and why. */
public final class ImportException extends IOException {

    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
