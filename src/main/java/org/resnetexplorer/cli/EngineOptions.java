package org.resnetexplorer.cli;

import ai.djl.engine.Engine;
import org.resnetexplorer.engine.Devices;
import org.resnetexplorer.engine.EngineUnavailableException;
import org.resnetexplorer.engine.Engines;
import picocli.CommandLine.Option;

/** {@code --engine} and {@code --device}, shared by the commands that run a network. */
public class EngineOptions {

    @Option(names = "--engine", description = "Deep-learning engine: MXNet or PyTorch (default:"
            + " -Dresnet.engine, else PyTorch when -Dresnet.libtorch names an installed PyTorch,"
            + " else " + Engines.DEFAULT + ").")
    String engine;

    @Option(names = "--device", description = "cpu, gpu or auto (default: ${DEFAULT-VALUE}:"
            + " a GPU when one is visible).", defaultValue = "auto")
    String device;

    Engine engine() {
        try {
            String name = engine != null ? engine : Engines.defaultName();
            Engines.makeDjlDefault(name); // one engine per command-line run
            return Engines.get(name);
        } catch (EngineUnavailableException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    Devices.Choice device(Engine e) {
        if (!device.matches("(?i)cpu|gpu|auto")) {
            throw new UserInputException("--device must be cpu, gpu or auto, not '" + device + "'");
        }
        return Devices.choose(e, device);
    }

    /**
     * The device, said on standard error unless it is the CPU nobody asked to avoid: a GPU, or
     * why a requested GPU is not used (the commands without a banner of their own).
     */
    Devices.Choice device(Engine e, java.io.PrintWriter err) {
        Devices.Choice c = device(e);
        if (c.device().isGpu() || c.note() != null) {
            err.println(e.getEngineName() + " on " + c.describe());
            err.flush();
        }
        return c;
    }
}
