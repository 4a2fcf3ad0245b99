package org.resnetexplorer.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Most recently used first, no duplicates, at most {@link #MAX} entries. */
public final class RecentFiles {

    public static final int MAX = 8;

    private RecentFiles() {
    }

    public static List<Path> touch(List<Path> current, Path file) {
        Path key = file.toAbsolutePath().normalize();
        List<Path> result = new ArrayList<>();
        result.add(key);
        current.stream().filter(p -> !p.equals(key)).limit(MAX - 1).forEach(result::add);
        return List.copyOf(result);
    }
}
