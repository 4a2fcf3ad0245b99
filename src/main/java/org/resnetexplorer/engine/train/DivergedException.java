package org.resnetexplorer.engine.train;

/** A run whose loss became NaN or exploded; the message suggests what to change. */
public class DivergedException extends RuntimeException {

    public DivergedException(String message) {
        super(message);
    }
}
