package org.resnetexplorer.engine;

/** The deep-learning engine cannot start here; the message is one sentence for the user. */
public class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
