package org.resnetexplorer.engine;

import ai.djl.engine.Engine;
import java.util.Locale;
import java.util.Set;

/**
 * The one place that chooses DJL's engine. MXNet is the default (the natives come from the
 * {@code mxnet-native-mkl} Maven jar); another engine whose jars are on the class path (PyTorch)
 * can be picked with {@code --engine} or {@code -Dresnet.engine}. DJL is kept offline unless the
 * user asked for a download, since it otherwise tries to fetch natives at start.
 */
public final class Engines {

    public static final String DEFAULT = "MXNet";

    private static String defaultSetHere;
    private static boolean started;

    private Engines() {
    }

    /** Keeps DJL from reaching the network unless the caller has decided otherwise. */
    public static void keepOfflineUnlessAsked() {
        prepare();
        if (System.getProperty("resnet.engine") != null || LocalLibTorch.requested()) {
            makeDjlDefault(defaultName());
        }
    }

    private static void prepare() {
        LocalLibTorch.configure(); // before anything loads JNA or an engine
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        NativeThreads.useAllCores();
    }

    /**
     * Makes the engine this process was started with (the command line's {@code --engine},
     * {@code -Dresnet.engine}) DJL's default too, unless {@code ai.djl.default_engine} is set.
     * DJL works some things out on its default engine whatever the network's engine is (a
     * {@code LambdaBlock}'s output shape, e.g. each ReLU's, runs the lambda on a manager of the
     * default engine), so without this a PyTorch run also loads MXNet's library and runs ReLUs
     * on it while initialising (no measurable effect on the training step's speed: six
     * interleaved pairs, 529 against 562 img/s, within the noise). Only for a choice that
     * holds for the whole process: code that uses two engines in turn (tests) leaves DJL's
     * default alone.
     */
    public static synchronized void makeDjlDefault(String name) {
        String current = System.getProperty("ai.djl.default_engine");
        // the user's own setting wins; one made here earlier (at start, from -Dresnet.libtorch)
        // gives way to the command line's --engine
        if ((current != null && !current.equals(defaultSetHere))
                || System.getenv("DJL_DEFAULT_ENGINE") != null) {
            return;
        }
        prepare();
        String wanted = canonical(name);
        try {
            // an engine this build lacks is left to get() to explain; DJL would refuse it as
            // its default with a less helpful message
            if (available().contains(wanted)) {
                System.setProperty("ai.djl.default_engine", wanted);
                defaultSetHere = wanted;
            }
        } catch (RuntimeException | LinkageError e) {
            // get() reports it
        }
    }

    /**
     * Runs the engine's CPU kernels on {@code n} threads instead of one per core. Only an engine
     * that has not started in this process takes it: returns false when one already has (the
     * count it uses is then {@link #threads()}'s).
     */
    public static synchronized boolean useThreads(int n) {
        if (started) {
            return false;
        }
        NativeThreads.use(n);
        return true;
    }

    /** The CPU threads the engines run on (OpenMP's variable, else PyTorch's, else the cores). */
    public static int threads() {
        return NativeThreads.current();
    }

    /**
     * The engine to use when the user named none: {@code -Dresnet.engine}, else PyTorch when
     * the user pointed the app at an installed PyTorch ({@link LocalLibTorch}) and the build has
     * PyTorch's engine, else MXNet.
     */
    public static String defaultName() {
        String chosen = System.getProperty("resnet.engine");
        if (chosen != null) {
            return chosen;
        }
        return LocalLibTorch.requested() && hasPyTorch() ? "PyTorch" : DEFAULT;
    }

    /**
     * Starts the named engine (or the default when null), translating every way this can fail
     * (natives missing, unsupported platform, unknown name) into one sentence.
     */
    public static Engine get(String name) {
        prepare(); // not keepOfflineUnlessAsked(): that would undo the command line's --engine
        String wanted = canonical(name == null ? defaultName() : name);
        Set<String> available;
        try {
            available = available();
        } catch (RuntimeException | LinkageError e) {
            throw unavailable(wanted, e);
        }
        if (!available.contains(wanted)) {
            throw new EngineUnavailableException("The " + wanted + " engine is not part of this"
                    + " build (available: " + String.join(", ", available) + ")"
                    + (wanted.equals("PyTorch") ? ": build with mvn -Dpytorch package." : "."),
                    null);
        }
        if (wanted.equals("PyTorch") && LocalLibTorch.problem() != null) {
            throw new EngineUnavailableException(LocalLibTorch.problem(), null);
        }
        try {
            synchronized (Engines.class) {
                started = true;
            }
            return Engine.getEngine(wanted);
        } catch (RuntimeException | LinkageError e) {
            throw unavailable(wanted, e);
        }
    }

    /** Engines that can run a network here (DJL's remote "RPC" engine cannot). */
    public static Set<String> available() {
        Set<String> names = new java.util.TreeSet<>(Engine.getAllEngines());
        names.remove("RPC");
        return names;
    }

    static EngineUnavailableException unavailable(String name, Throwable e) {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        if (name.equals("PyTorch") && LocalLibTorch.requested()) {
            // most often DJL's JNI for that version and flavour: the build has 2.7.1's for cpu
            // and cu128 only, and DJL publishes few others
            return new EngineUnavailableException("DJL's PyTorch engine could not start on the"
                    + " PyTorch " + LocalLibTorch.version() + " (" + LocalLibTorch.flavour()
                    + ") that " + LocalLibTorch.PROPERTY + " names: build DJL's JNI for it once"
                    + " with scripts/build-torch-jni.sh, or install PyTorch 2.7.1 from its cpu or"
                    + " cu128 index - " + rootMessage(e), e);
        }
        if (rootMessage(e).contains("Offline mode")) {
            // a build without bundled natives (mvn -Dgpu): DJL fetches them once, when allowed
            return new EngineUnavailableException("This build has no " + name + " native"
                    + " library of its own (a GPU build): start it once with internet access"
                    + " and -Dai.djl.offline=false, so that DJL downloads the CUDA (or CPU) build"
                    + " of " + name + " into ~/.djl.ai; it runs offline after that."
                    + (!name.equals("PyTorch") && hasPyTorch() ? " Or set " + LocalLibTorch.PROPERTY
                            + " (RESNET_LIBTORCH) to an installed PyTorch's torch folder to run"
                            + " on PyTorch's engine." : ""), e);
        }
        if (org.resnetexplorer.engine.zoo.ZooDownload.isOffline(e)) {
            return new EngineUnavailableException("DJL could not download the " + name
                    + " native library (" + rootMessage(e) + " unreachable): start once with"
                    + " internet access, or use the standard build, which bundles the CPU"
                    + " natives.", e);
        }
        return new EngineUnavailableException("The " + name + " engine could not start on " + os
                + ": its native library is missing or does not fit this platform (the build"
                + " bundles linux-x86_64 natives; rebuild with the profile for your platform)"
                + " - " + rootMessage(e), e);
    }

    /** Whether the build has PyTorch's engine (false too when the engine set-up is broken). */
    private static boolean hasPyTorch() {
        try {
            return available().contains("PyTorch");
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String canonical(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mxnet" -> "MXNet";
            case "pytorch", "torch" -> "PyTorch";
            default -> name;
        };
    }
}
