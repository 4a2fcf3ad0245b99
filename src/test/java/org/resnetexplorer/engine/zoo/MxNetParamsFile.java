package org.resnetexplorer.engine.zoo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes named float arrays in MXNet's own list format ({@code mx.nd.save}, what a Gluon
 * {@code *.params} file is), so that tests can make the files the model zoo would serve and
 * have MXNet itself read them back.
 */
public final class MxNetParamsFile {

    private static final long LIST_MAGIC = 0x112;
    private static final int NDARRAY_V2_MAGIC = 0xF993FAC9;

    public record Array(long[] shape, float[] values) {
    }

    private final Map<String, Array> arrays = new LinkedHashMap<>();

    public MxNetParamsFile put(String name, float[] values, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + n);
        }
        arrays.put(name, new Array(shape, values));
        return this;
    }

    public Map<String, Array> arrays() {
        return arrays;
    }

    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(le(16).putLong(LIST_MAGIC).putLong(0).array());
            out.write(le(8).putLong(arrays.size()).array());
            for (Array a : arrays.values()) {
                ByteBuffer head = le(4 + 4 + 4 + 8 * a.shape().length + 4 + 4 + 4);
                head.putInt(NDARRAY_V2_MAGIC).putInt(0).putInt(a.shape().length);
                for (long d : a.shape()) {
                    head.putLong(d);
                }
                head.putInt(1).putInt(0); // context: CPU, device 0
                head.putInt(0); // float32
                out.write(head.array());
                ByteBuffer data = le(4 * a.values().length);
                data.asFloatBuffer().put(a.values());
                out.write(data.array());
            }
            out.write(le(8).putLong(arrays.size()).array());
            for (String name : arrays.keySet()) {
                byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
                out.write(le(8).putLong(bytes.length).array());
                out.write(bytes);
            }
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
