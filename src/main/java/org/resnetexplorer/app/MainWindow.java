package org.resnetexplorer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Builds the main window from its FXML with the view model handed to the controllers, so the
 * app and the GUI tests assemble exactly the same window.
 */
public final class MainWindow {

    public static final double WIDTH = 1400;
    public static final double HEIGHT = 900;

    private MainWindow() {
    }

    public static MainController load(MainViewModel vm) {
        URL fxml = resource("MainWindow.fxml");
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(type -> {
            if (type == MainController.class) {
                return new MainController(vm);
            }
            if (type == InspectorController.class) {
                return new InspectorController(vm);
            }
            throw new IllegalArgumentException("no controller " + type.getName());
        });
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
        return loader.getController();
    }

    /** Puts the window on {@code stage}: scene, style sheet, title, and the unsaved-changes guard. */
    public static MainController show(Stage stage, MainViewModel vm) {
        MainController controller = load(vm);
        Scene scene = new Scene(controller.root(), WIDTH, HEIGHT);
        scene.getStylesheets().add(resource("explorer.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!vm.confirmDiscard()) {
                e.consume();
            }
        });
        stage.show();
        javafx.application.Platform.runLater(controller.editor()::fitIfTooBig);
        return controller;
    }

    private static URL resource(String name) {
        return Objects.requireNonNull(MainWindow.class.getResource(name),
                "missing resource org/resnetexplorer/app/" + name);
    }
}
