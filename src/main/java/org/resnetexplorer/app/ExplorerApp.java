package org.resnetexplorer.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one main window. */
public class ExplorerApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("ResNet Explorer");
        stage.setScene(new Scene(new javafx.scene.control.Label("ResNet Explorer"), 800, 600));
        stage.show();
    }
}
