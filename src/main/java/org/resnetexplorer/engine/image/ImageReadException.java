package org.resnetexplorer.engine.image;

/** A file that could not be read as an image; the message names the file and the problem. */
public class ImageReadException extends Exception {

    public ImageReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
