package org.resnetexplorer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what a user would see. */
record CliRunner(int code, String out, String err) {

    static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ResNetExplorerCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute(args);
        return new CliRunner(code, out.toString(), err.toString());
    }
}
