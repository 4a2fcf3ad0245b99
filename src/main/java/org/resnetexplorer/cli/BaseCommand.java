package org.resnetexplorer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: {@code --json}, output through picocli's writers (so tests can
 * capture it), and the exit codes of DESIGN.md.
 */
abstract class BaseCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption jsonOption;

    boolean json() {
        return jsonOption.json;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void printJson(Object value) {
        try {
            out().println(JSON.writeValueAsString(value));
            out().flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Progress and logs go to stderr, so stdout stays clean for --json. */
    void progress(String message) {
        err().println(message);
        err().flush();
    }
}
