package org.resnetexplorer.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Picks CPU or GPU and says why, so the status bar and the CLI can tell the user. */
public final class Devices {

    private Devices() {
    }

    /** A chosen device and, when it is not what was asked for, the one-line reason. */
    public record Choice(Device device, String note) {
        public String describe() {
            String what = device.isGpu() ? "GPU " + device.getDeviceId() : "CPU";
            return note == null ? what : what + " (" + note + ")";
        }
    }

    /** How many GPUs the engine sees: 0 without GPU natives, a driver or a card. */
    public static int gpuCount(Engine engine) {
        try {
            return engine.getGpuCount();
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    /**
     * @param requested "cpu", "gpu", or null/"auto" for a GPU when one is visible
     */
    public static Choice choose(Engine engine, String requested) {
        String want = requested == null ? "auto" : requested.toLowerCase(java.util.Locale.ROOT);
        if (want.equals("cpu")) {
            return new Choice(Device.cpu(), null);
        }
        if (gpuCount(engine) > 0) {
            return new Choice(Device.gpu(), null);
        }
        String note = want.equals("gpu")
                ? "no GPU visible to " + engine.getEngineName()
                        + ": the GPU natives or the CUDA driver are missing, using the CPU"
                : null;
        return new Choice(Device.cpu(), note);
    }
}
