package org.resnetexplorer.cli;

/** Bad input from the user: exit code 2 and this one-line message, never a stack trace. */
public class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
