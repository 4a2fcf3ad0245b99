package org.resnetexplorer.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Makes the C allocator give large blocks back to the system. glibc serves blocks above its
 * mmap threshold (128 KiB) with their own mappings, returned on free, but raises the threshold
 * (up to 32 MiB) each time such a block is freed; from then on MXNet's activation-sized
 * temporaries come from the heap arenas, whose freed memory stays resident. Fixing the threshold
 * turns that off. Measured with {@code bench --memory} (PERFORMANCE.md), growth over 20 probes:
 * ResNet-20 +65/+157 MB became +37/+12 MB, ResNet-56 +379/+248 MB became +38/+26 MB; capping the
 * arenas (MALLOC_ARENA_MAX=2) or unpooling MXNet's memory did not help.
 * {@code -Dresnet.mmapThreshold=0} keeps glibc's default; a {@code MALLOC_MMAP_THRESHOLD_} the
 * user set is left alone.
 */
final class NativeMemory {

    /** glibc's mallopt parameter number for the mmap threshold (malloc.h). */
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int DEFAULT_THRESHOLD = 128 * 1024;

    private static boolean done;

    private NativeMemory() {
    }

    interface LibC extends Library {
        int mallopt(int param, int value);
    }

    static synchronized void returnLargeBlocks() {
        if (done) {
            return;
        }
        done = true;
        int threshold = Integer.getInteger("resnet.mmapThreshold", DEFAULT_THRESHOLD);
        if (threshold <= 0 || !Platform.isLinux()
                || System.getenv("MALLOC_MMAP_THRESHOLD_") != null) {
            return;
        }
        try {
            Native.load("c", LibC.class).mallopt(M_MMAP_THRESHOLD, threshold);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // a C library without mallopt (musl): memory is only held longer
        }
    }
}
