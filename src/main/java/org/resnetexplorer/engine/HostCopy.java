package org.resnetexplorer.engine;

import ai.djl.mxnet.engine.MxNDArray;
import ai.djl.mxnet.jna.JnaUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Copies many tensors into Java arrays through one reused native block, freed on close. DJL's
 * {@code toFloatArray} on MXNet allocates a direct buffer the size of the tensor for every copy,
 * which only the garbage collector frees: a probe copies out every layer's output (about 350 MB
 * for ResNet-56 and its twin at batch 32), and the C allocator, handed those blocks back late and
 * in bulk, kept its heap grown (resident memory +65-380 MB over 20 probes; PERFORMANCE.md).
 * Arrays of other engines, types or layouts are copied the ordinary way. One thread at a time.
 */
public final class HostCopy implements AutoCloseable {

    private long block;
    private long capacity;

    private float[] scratch = new float[0];

    /** The tensor's values in row-major order. */
    public float[] floats(NDArray array) {
        if (!viaBlock(array)) {
            return array.toFloatArray();
        }
        int n = Math.toIntExact(array.size());
        float[] values = new float[n];
        copy((MxNDArray) array, n).read(0, values, 0, n);
        return values;
    }

    /**
     * The tensor's values in the first {@code array.size()} elements of an array this copy
     * reuses, valid until the next call: for values reduced at once, so that a probe does not
     * leave hundreds of megabytes of copies for the garbage collector.
     */
    public float[] shared(NDArray array) {
        if (!viaBlock(array)) {
            return array.toFloatArray();
        }
        int n = Math.toIntExact(array.size());
        if (scratch.length < n) {
            scratch = new float[n];
        }
        copy((MxNDArray) array, n).read(0, scratch, 0, n);
        return scratch;
    }

    private static boolean viaBlock(NDArray array) {
        return array instanceof MxNDArray && array.getDataType() == DataType.FLOAT32
                && array.getSparseFormat() == SparseFormat.DENSE;
    }

    private Pointer copy(MxNDArray array, int n) {
        long bytes = 4L * n;
        if (bytes > capacity) {
            close();
            block = Native.malloc(bytes);
            if (block == 0) {
                throw new OutOfMemoryError("cannot allocate " + bytes + " bytes to copy a tensor");
            }
            capacity = bytes;
        }
        Pointer p = new Pointer(block);
        JnaUtils.syncCopyToCPU(array.getHandle(), p, n);
        return p;
    }

    @Override
    public void close() {
        if (block != 0) {
            Native.free(block);
            block = 0;
            capacity = 0;
        }
    }
}
