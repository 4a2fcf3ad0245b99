package org.resnetexplorer.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Lets MXNet's OpenMP use every core. MXNet's default here used one thread per operator
 * (measured on 2 cores: ResNet-20 training 320 images/s, 440-490 with OMP_NUM_THREADS=2).
 * OpenMP reads the variable once, when the native library loads, so it is put into this
 * process's environment before DJL loads the engine; a value the user set is left alone.
 * DJL's PyTorch engine (the {@code pytorch} build profile) is given the same number of intra-op
 * threads and one inter-op thread (eager execution runs one operator at a time, so a second
 * inter-op pool only competes for the cores) through its system properties
 * {@code ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads}, read when
 * that engine starts; properties the user set, or OMP_NUM_THREADS, win.
 */
final class NativeThreads {

    private static boolean done;
    /** OMP_NUM_THREADS as set here, or null: Java's getenv keeps the start-up environment. */
    private static String ompSetHere;

    private NativeThreads() {
    }

    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    interface MsvcRt extends Library {
        int _putenv_s(String name, String value);
    }

    static synchronized void useAllCores() {
        String cores = Integer.toString(Runtime.getRuntime().availableProcessors());
        if (System.getenv("OMP_NUM_THREADS") == null) {
            setIfAbsent("ai.djl.pytorch.num_threads", cores);
        }
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        if (done || System.getenv("OMP_NUM_THREADS") != null) {
            done = true;
            return;
        }
        done = true;
        setOmpThreads(cores);
    }

    /**
     * Sets the engines' CPU threads to {@code n}, overriding the environment, for an engine that
     * has not loaded yet (OpenMP reads its variable once, when MXNet's library loads).
     */
    static synchronized void use(int n) {
        String count = Integer.toString(n);
        System.setProperty("ai.djl.pytorch.num_threads", count);
        done = true;
        setOmpThreads(count);
    }

    private static void setOmpThreads(String count) {
        try {
            if (Platform.isWindows()) {
                Native.load("msvcrt", MsvcRt.class)._putenv_s("OMP_NUM_THREADS", count);
            } else {
                Native.load("c", LibC.class).setenv("OMP_NUM_THREADS", count, 1);
            }
            ompSetHere = count;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // without it MXNet runs on its own count (PyTorch's property still holds)
        }
    }

    /** The CPU threads an engine loaded now would use. */
    static int current() {
        String omp = ompSetHere != null ? ompSetHere : System.getenv("OMP_NUM_THREADS");
        String torch = System.getProperty("ai.djl.pytorch.num_threads");
        String value = omp != null ? omp : torch;
        try {
            return value == null ? Runtime.getRuntime().availableProcessors()
                    : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
