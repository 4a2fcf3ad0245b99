package org.resnetexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GPU route through an installed PyTorch: what DJL is told, from one setting. */
class LocalLibTorchTest {

    @TempDir
    Path sitePackages;

    @AfterEach
    void forget() {
        System.clearProperty(LocalLibTorch.PROPERTY);
        LocalLibTorch.reset();
    }

    /** A pip installation as the H100 machine had it: torch 2.11.0+cu130, CUDA 13 from pip. */
    private Path pipTorch(String version, String cuda) throws IOException {
        Path torch = sitePackages.resolve("torch");
        Files.createDirectories(torch.resolve("lib"));
        Files.createFile(torch.resolve("lib").resolve(System.mapLibraryName("torch")));
        Files.writeString(torch.resolve("version.py"), "from typing import Optional\n"
                + "__version__ = '" + version + "'\ndebug = False\n"
                + "cuda: Optional[str] = " + (cuda == null ? "None" : "'" + cuda + "'") + "\n"
                + "hip: Optional[str] = None\n");
        Path cudart = sitePackages.resolve("nvidia/cu13/lib");
        Files.createDirectories(cudart);
        Files.createFile(cudart.resolve("libcudart.so.13"));
        return torch;
    }

    @Test
    void aPipCudaInstallationTellsDjlItsLibraryVersionAndFlavour() throws IOException {
        Path torch = pipTorch("2.11.0+cu130", "13.0");
        System.setProperty(LocalLibTorch.PROPERTY, torch.toString());
        LocalLibTorch.configure();

        assertNull(LocalLibTorch.problem());
        assertEquals(torch.resolve("lib").toString(), System.getProperty("PYTORCH_LIBRARY_PATH"));
        assertEquals("2.11.0", System.getProperty("PYTORCH_VERSION"));
        assertEquals("cu130", System.getProperty("PYTORCH_FLAVOR"));
        assertEquals(Engines.available().contains("PyTorch") ? "PyTorch" : Engines.DEFAULT,
                Engines.defaultName(), "a local PyTorch picks its engine where the build has it");
        assertTrue(LocalLibTorch.cudaRuntimeFolders(torch)
                .contains(sitePackages.resolve("nvidia/cu13/lib")));
    }

    @Test
    void itsLibFolderAndACpuBuildWorkToo() throws IOException {
        Path torch = pipTorch("2.7.1+cpu", null);
        System.setProperty(LocalLibTorch.PROPERTY, torch.resolve("lib").toString());
        LocalLibTorch.configure();

        assertNull(LocalLibTorch.problem());
        assertEquals("2.7.1", System.getProperty("PYTORCH_VERSION"));
        assertEquals("cpu", System.getProperty("PYTORCH_FLAVOR"));
    }

    @Test
    void settingsTheUserGaveWin() throws IOException {
        Path torch = pipTorch("2.11.0+cu130", "13.0");
        System.setProperty(LocalLibTorch.PROPERTY, torch.toString());
        System.setProperty("PYTORCH_LIBRARY_PATH", "/opt/my-libtorch/lib");
        System.setProperty("PYTORCH_FLAVOR", "cu128");
        LocalLibTorch.configure();

        assertEquals("/opt/my-libtorch/lib", System.getProperty("PYTORCH_LIBRARY_PATH"));
        assertEquals("cu128", LocalLibTorch.flavour());
        assertEquals("2.11.0", LocalLibTorch.version(), "what the user left open is still read");
    }

    @Test
    void aFolderWithoutPyTorchIsExplainedInOneSentence() {
        System.setProperty(LocalLibTorch.PROPERTY, sitePackages.toString());
        LocalLibTorch.configure();

        String problem = LocalLibTorch.problem();
        assertTrue(problem.startsWith("There is no PyTorch library in " + sitePackages), problem);
        assertTrue(problem.contains("import torch"), problem);
        assertNull(System.getProperty("PYTORCH_LIBRARY_PATH"));
    }

    @Test
    void withoutTheSettingNothingChanges() {
        LocalLibTorch.configure();
        assertNull(System.getProperty("PYTORCH_LIBRARY_PATH"));
        assertEquals(Engines.DEFAULT, Engines.defaultName());
    }
}
