package org.resnetexplorer.engine;

import ai.djl.MalformedModelException;

/** A parameter file that does not fit the network; names the first layer that differs. */
public class ParameterMismatchException extends MalformedModelException {

    private final String layer;

    public ParameterMismatchException(String layer, String reason, Throwable cause) {
        super("the weights do not fit the network at layer " + layer + ": " + reason, cause);
        this.layer = layer;
    }

    public String layer() {
        return layer;
    }
}
