package org.resnetexplorer.engine.data;

/** A data set that is not on this machine; the message says how to get it. */
public class DatasetNotFoundException extends Exception {

    public DatasetNotFoundException(String message) {
        super(message);
    }
}
