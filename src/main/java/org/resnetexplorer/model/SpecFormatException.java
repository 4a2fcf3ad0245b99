package org.resnetexplorer.model;

/** A *.resnet.json file that cannot be read; the message names the file and the field. */
public class SpecFormatException extends Exception {

    public SpecFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public SpecFormatException(String message) {
        super(message);
    }
}
