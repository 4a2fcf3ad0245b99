package org.resnetexplorer.app;

import ai.djl.engine.Engine;
import java.util.function.Supplier;
import org.resnetexplorer.engine.Devices;
import org.resnetexplorer.engine.Engines;

/** Starts the deep-learning engine and describes it for the status bar ("MXNet 1.9.1 · CPU"). */
public final class EngineProbe {

    private EngineProbe() {
    }

    /** Slow (the engine loads its natives, about a second): call it off the FX thread. */
    public static Supplier<String> djl() {
        return () -> {
            Engine engine = Engines.get(null);
            return engine.getEngineName() + " " + engine.getVersion() + " · "
                    + Devices.choose(engine, null).describe();
        };
    }
}
