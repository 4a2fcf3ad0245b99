package org.resnetexplorer.cli;

import picocli.CommandLine.Option;

/** The {@code --json} switch every command shares. */
public class JsonOption {

    @Option(names = "--json", description = "Print machine-readable JSON on stdout.")
    boolean json;
}
