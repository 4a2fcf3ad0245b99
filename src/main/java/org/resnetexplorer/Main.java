package org.resnetexplorer;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.resnetexplorer.cli.ResNetExplorerCommand;
import org.resnetexplorer.engine.Engines;

/**
 * Entry point of the jar: with a command, the command line; without one, the window. Kept free of
 * JavaFX types so that the class-path jar can start JavaFX itself.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        quietLogs(); // first: DJL's logger reads its level once, when an engine is first looked up
        Engines.keepOfflineUnlessAsked();
        if (args.length == 0) {
            org.resnetexplorer.app.AppLauncher.launch(args);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = ResNetExplorerCommand.commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** DJL's start-up chatter (platform found, no CUDA driver) is noise on a CPU machine. */
    private static void quietLogs() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        }
    }
}
