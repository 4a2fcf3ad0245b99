package org.resnetexplorer.engine.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads the IDX files of (Fashion-)MNIST, gzipped or not. */
public final class IdxReader {

    private IdxReader() {
    }

    /** Images as unsigned bytes: returns {count, rows, cols} in dims and the pixels. */
    public static byte[] readImages(Path file, int[] dims) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 0x0803) {
                throw new IOException(file.getFileName() + " is not an IDX image file (magic "
                        + Integer.toHexString(magic) + ", expected 803)");
            }
            dims[0] = in.readInt();
            dims[1] = in.readInt();
            dims[2] = in.readInt();
            byte[] pixels = new byte[Math.multiplyExact(dims[0], dims[1] * dims[2])];
            readFully(in, pixels, file);
            return pixels;
        }
    }

    public static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 0x0801) {
                throw new IOException(file.getFileName() + " is not an IDX label file (magic "
                        + Integer.toHexString(magic) + ", expected 801)");
            }
            byte[] raw = new byte[in.readInt()];
            readFully(in, raw, file);
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return labels;
        }
    }

    private static void readFully(DataInputStream in, byte[] into, Path file) throws IOException {
        try {
            in.readFully(into);
        } catch (EOFException e) {
            throw new IOException(file.getFileName() + " is truncated: expected " + into.length
                    + " bytes of data", e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16))
                : raw);
    }
}
