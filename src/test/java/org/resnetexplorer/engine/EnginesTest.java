package org.resnetexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class EnginesTest {

    @Test
    void mxnetIsTheDefaultAndRunsOffline() {
        Engine engine = Engines.get(null);
        assertEquals("MXNet", engine.getEngineName());
        assertEquals("true", System.getProperty("ai.djl.offline"));
    }

    @Test
    void anEngineThatIsNotBuiltInIsNotMadeDjlsDefault() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty("ai.djl.default_engine") == null);
        Engines.makeDjlDefault("TensorFlow");
        // DJL would otherwise refuse every engine with "Unknown default engine"
        assertEquals(null, System.getProperty("ai.djl.default_engine"));
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> Engines.get("TensorFlow"));
        assertTrue(e.getMessage().startsWith("The TensorFlow engine is not part of this build"),
                e.getMessage());
    }

    @Test
    void anEngineThatIsNotBuiltInGivesOneSentence() {
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> Engines.get("TensorFlow"));
        // MXNet alone in the default build, "MXNet, PyTorch" with the pytorch profile
        assertEquals("The TensorFlow engine is not part of this build (available: "
                + String.join(", ", Engines.available()) + ").", e.getMessage());
        assertTrue(e.getMessage().contains("(available: MXNet"), e.getMessage());
    }

    @Test
    void askingForAMissingGpuFallsBackToTheCpuWithAReason() {
        Engine engine = Engines.get(null);
        Devices.Choice gpu = Devices.choose(engine, "gpu");
        if (engine.getGpuCount() == 0) {
            assertFalse(gpu.device().isGpu());
            assertTrue(gpu.describe().startsWith("CPU (no GPU visible to MXNet"),
                    gpu.describe());
            assertEquals("CPU", Devices.choose(engine, "auto").describe());
        } else {
            assertTrue(gpu.device().isGpu());
        }
        assertEquals("CPU", Devices.choose(engine, "cpu").describe());
    }

    @Test
    void aBuildWithoutNativesSaysHowToGetThem() {
        // the GPU build (mvn -Dgpu) bundles no natives; DJL offline refuses to fetch them
        String offline = Engines.unavailable("MXNet", new IllegalStateException("wrapped",
                new IllegalStateException("Offline mode is enabled."))).getMessage();
        assertTrue(offline.contains("-Dai.djl.offline=false"), offline);
        // allowed to fetch, but without internet
        String unreachable = Engines.unavailable("MXNet", new IllegalStateException("failed",
                new java.net.UnknownHostException("publish.djl.ai"))).getMessage();
        assertTrue(unreachable.startsWith("DJL could not download the MXNet native library"
                + " (publish.djl.ai unreachable)"), unreachable);
    }
}
