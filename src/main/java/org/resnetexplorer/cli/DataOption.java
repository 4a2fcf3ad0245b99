package org.resnetexplorer.cli;

import picocli.CommandLine.Option;

/** {@code --data}, shared by the commands that train or evaluate on a data set. */
public class DataOption {

    @Option(names = "--data", required = true, paramLabel = "SPEC",
            description = "fashion-mnist, a folder with its IDX files, or a folder of your own"
                    + " images with one subfolder per class (train/ and test/ inside, or every"
                    + " tenth image held out for testing).")
    String data;
}
