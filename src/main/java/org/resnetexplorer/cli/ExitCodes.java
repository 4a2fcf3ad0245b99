package org.resnetexplorer.cli;

/** The command line's contract (DESIGN.md): 0 success, 2 bad input, 1 internal error. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
