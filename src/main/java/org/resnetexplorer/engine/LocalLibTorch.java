package org.resnetexplorer.engine;

import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Points DJL's PyTorch engine at a PyTorch already installed on this machine, typically pip's
 * CUDA build, with one setting: {@code -Dresnet.libtorch=DIR} (or the environment variable
 * {@code RESNET_LIBTORCH}), DIR being the {@code torch} folder of that installation or its
 * {@code lib} folder. This is the GPU route that was run on an NVIDIA H100 (README, GPU): DJL
 * itself wants three variables (library path, version and CUDA flavour) and finds the CUDA
 * runtime only on the system's library path, while pip keeps it beside torch, so all of it is
 * read from the installation here: the version and CUDA release from {@code torch/version.py},
 * the CUDA runtime from pip's {@code nvidia/} folders. Values the user set win. DJL's own JNI
 * covers PyTorch 2.7.1 for cpu and cu128 only; for anything else scripts/build-torch-jni.sh
 * builds it.
 */
public final class LocalLibTorch {

    public static final String PROPERTY = "resnet.libtorch";

    private static final Pattern VERSION = Pattern.compile(
            "(?m)^__version__\\s*=\\s*['\"](\\d+\\.\\d+\\.\\d+)");
    private static final Pattern CUDA = Pattern.compile("(?m)^cuda\\s*[:=].*?['\"](\\d+)\\.(\\d+)");

    private static String problem;
    private static boolean configured;

    private LocalLibTorch() {
    }

    /** Whether the user asked for a local PyTorch. */
    public static boolean requested() {
        String dir = location();
        return dir != null && !dir.isBlank();
    }

    /** Why the requested installation cannot be used, or null when it can (or none was asked). */
    public static synchronized String problem() {
        return problem;
    }

    /** The PyTorch version DJL will be told, once configured (null when none was asked). */
    public static String version() {
        return djlSetting("PYTORCH_VERSION");
    }

    /** The flavour DJL will be told ("cu130", "cpu"), once configured. */
    public static String flavour() {
        return djlSetting("PYTORCH_FLAVOR");
    }

    /** As DJL reads its settings: the environment first, then the system property. */
    private static String djlSetting(String key) {
        String env = System.getenv(key);
        return env != null ? env : System.getProperty(key);
    }

    /** Hands the installation to DJL; does nothing when none was asked for or it ran before. */
    static synchronized void configure() {
        if (!requested() || configured) {
            return;
        }
        configured = true;
        Path given = Path.of(location().trim()).toAbsolutePath().normalize();
        Path torch = given.getFileName() != null && given.getFileName().toString().equals("lib")
                ? given.getParent() : given;
        Path lib = torch.resolve("lib");
        if (!Files.isRegularFile(lib.resolve(System.mapLibraryName("torch")))) {
            problem = "There is no PyTorch library in " + given + " (" + PROPERTY + "): point it"
                    + " at the torch folder of an installed PyTorch, which"
                    + " python3 -c \"import torch, os; print(os.path.dirname(torch.__file__))\""
                    + " prints.";
            return;
        }
        String versionPy = "";
        try {
            versionPy = Files.readString(torch.resolve("version.py"));
        } catch (IOException e) {
            // a libtorch unpacked from its zip has no version.py: the user sets PYTORCH_VERSION
        }
        Matcher v = VERSION.matcher(versionPy);
        Matcher c = CUDA.matcher(versionPy);
        if (v.find()) {
            setIfAbsent("PYTORCH_VERSION", v.group(1));
        }
        setIfAbsent("PYTORCH_FLAVOR", c.find() ? "cu" + c.group(1) + c.group(2) : "cpu");
        setIfAbsent("PYTORCH_LIBRARY_PATH", lib.toString());
        addToJnaPath(cudaRuntimeFolders(torch));
        if (version() == null) {
            problem = "PyTorch's version could not be read from " + torch.resolve("version.py")
                    + ": set PYTORCH_VERSION (e.g. 2.7.1).";
        }
    }

    /** Folders beside pip's torch that hold libcudart, where DJL's GPU count looks for it. */
    static Set<Path> cudaRuntimeFolders(Path torch) {
        Set<Path> folders = new LinkedHashSet<>();
        Path nvidia = torch.resolveSibling("nvidia");
        for (Path root : new Path[] {torch.resolve("lib"), nvidia}) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root, 3)) {
                files.filter(f -> f.getFileName().toString().startsWith("libcudart.so"))
                        .forEach(f -> folders.add(f.getParent()));
            } catch (IOException e) {
                // no CUDA runtime there: DJL then sees no GPU and says so
            }
        }
        return folders;
    }

    private static void addToJnaPath(Set<Path> folders) {
        // JNA finds the versioned libcudart.so.N in a folder given for that library
        folders.forEach(f -> NativeLibrary.addSearchPath("cudart", f.toString()));
    }

    private static String location() {
        String dir = System.getProperty(PROPERTY);
        return dir != null ? dir : System.getenv("RESNET_LIBTORCH");
    }

    private static void setIfAbsent(String key, String value) {
        if (djlSetting(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** For tests: forgets what configure() did. */
    static synchronized void reset() {
        problem = null;
        configured = false;
        for (String key : new String[] {"PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION",
            "PYTORCH_FLAVOR"}) {
            System.clearProperty(key);
        }
    }
}
