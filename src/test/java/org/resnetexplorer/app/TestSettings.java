package org.resnetexplorer.app;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** A throwaway preferences node per test, removed afterwards. */
final class TestSettings {

    private final Preferences node =
            Preferences.userRoot().node("resnet-explorer-tests/" + UUID.randomUUID());

    AppSettings settings() {
        return new AppSettings(node);
    }

    void remove() {
        try {
            node.removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // already gone
        }
    }
}
