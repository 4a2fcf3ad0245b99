package org.resnetexplorer.cli;

import java.io.PrintWriter;
import org.resnetexplorer.engine.EngineUnavailableException;
import org.resnetexplorer.model.InvalidSpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The root command: lists the subcommands; every one has a GUI twin. */
@Command(name = "resnet-explorer", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        version = "ResNet Explorer 0.1",
        description = "See why residual networks work: build, run and look inside ResNets and"
                + " their plain twins. Without a command, opens the window.",
        subcommands = {InfoCommand.class, ClassifyCommand.class, TrainCommand.class,
            EvaluateCommand.class, ProbeCommand.class, CompareCommand.class, DownloadCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class})
public class ResNetExplorerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The one factory that wires writers and error handling, for main and for tests. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ResNetExplorerCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException
                ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("(see '" + ex.getCommandLine().getCommandName()
                    + " --help')");
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter e = line.getErr();
            if (isBadInput(ex)) {
                e.println("error: " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            e.println("internal error: " + ex);
            if (Boolean.getBoolean("resnet.debug")) {
                ex.printStackTrace(e);
            } else {
                e.println("(run with -Dresnet.debug=true for the stack trace)");
            }
            return ExitCodes.INTERNAL;
        });
        return cl;
    }

    private static boolean isBadInput(Exception ex) {
        return ex instanceof UserInputException || ex instanceof InvalidSpecException
                || ex instanceof EngineUnavailableException
                || ex instanceof ai.djl.MalformedModelException
                || ex instanceof org.resnetexplorer.model.SpecFormatException
                || ex instanceof org.resnetexplorer.engine.data.DatasetNotFoundException
                || ex instanceof java.io.IOException;
    }
}
