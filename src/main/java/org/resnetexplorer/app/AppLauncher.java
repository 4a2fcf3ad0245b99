package org.resnetexplorer.app;

import javafx.application.Application;

/**
 * Starts JavaFX from a class that does not extend Application, which is what lets the app run
 * from a plain class-path jar (JavaFX refuses a main class extending Application there).
 */
public final class AppLauncher {

    private AppLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(ExplorerApp.class, args);
    }
}
