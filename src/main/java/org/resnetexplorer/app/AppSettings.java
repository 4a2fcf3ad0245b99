package org.resnetexplorer.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between runs, kept in java.util.prefs. Tests pass a throwaway node
 * so they never touch the user's own settings.
 */
public final class AppSettings {

    private static final String RECENT = "recent.";
    private final Preferences prefs;

    public AppSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    public List<Path> recentFiles() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < RecentFiles.MAX; i++) {
            String value = prefs.get(RECENT + i, null);
            if (value != null) {
                files.add(Path.of(value));
            }
        }
        return files;
    }

    public void setRecentFiles(List<Path> files) {
        for (int i = 0; i < RecentFiles.MAX; i++) {
            if (i < files.size()) {
                prefs.put(RECENT + i, files.get(i).toString());
            } else {
                prefs.remove(RECENT + i);
            }
        }
        flush();
    }

    public double divider(String name, double fallback) {
        return prefs.getDouble("divider." + name, fallback);
    }

    public void setDivider(String name, double position) {
        prefs.putDouble("divider." + name, position);
    }

    public boolean flag(String name) {
        return prefs.getBoolean(name, false);
    }

    public void setFlag(String name, boolean value) {
        prefs.putBoolean(name, value);
        flush();
    }

    /** A remembered string (a file, a tab, a model name), absent when never set. */
    public java.util.Optional<String> text(String name) {
        return java.util.Optional.ofNullable(prefs.get(name, null));
    }

    /** Remembers {@code value}, or forgets it when null. */
    public void setText(String name, String value) {
        if (value == null) {
            prefs.remove(name);
        } else {
            prefs.put(name, value);
        }
        flush();
    }

    public double number(String name, double fallback) {
        return prefs.getDouble(name, fallback);
    }

    public void setNumber(String name, double value) {
        prefs.putDouble(name, value);
    }

    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // Settings are a convenience: losing them must not stop the teacher's work.
        }
    }
}
