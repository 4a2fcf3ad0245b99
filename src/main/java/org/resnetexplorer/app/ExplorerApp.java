package org.resnetexplorer.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;

/**
 * The JavaFX application: one main window. System properties, since the jar's arguments belong
 * to the command line: {@code resnet.preset} (network to start with), {@code resnet.open}
 * (a file to open), {@code resnet.select} ("2,1": select stage 2, block 1), and
 * {@code resnet.screenshot} (write the window to this PNG once drawn, then quit; used for the
 * documentation pictures), {@code resnet.screenshot.wait} (seconds more to wait before it, for
 * background work), {@code resnet.tab} (the bottom tab to show: "featureMapsTab", ...),
 * {@code resnet.inside} ("resnet20-fashion,fashion-1-trouser-1.png,stage1.block1.relu2": model,
 * image and layer of the probe tabs) and {@code resnet.train} ("history:resnet20-fashion" or
 * "run:STEPS,BATCH,LIMIT": what Train &amp; Compare starts with).
 */
public class ExplorerApp extends Application {

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "engine");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void start(Stage stage) {
        AppSettings settings = new AppSettings(Preferences.userNodeForPackage(ExplorerApp.class));
        NetworkSpec initial = Presets.find(System.getProperty("resnet.preset", "resnet20"))
                .orElse(Presets.get("resnet20"));
        MainViewModel vm = new MainViewModel(initial, new FxDialogService(stage), settings);
        MainController window = MainWindow.show(stage, vm);
        String open = System.getProperty("resnet.open");
        if (open != null) {
            vm.openFile(Path.of(open));
        }
        String select = System.getProperty("resnet.select");
        if (select != null && select.matches("\\d+,\\d+")) {
            String[] at = select.split(",");
            vm.select(new BlockPath(Integer.parseInt(at[0]) - 1, Integer.parseInt(at[1]) - 1));
        }
        vm.probeEngine(background, EngineProbe.djl());
        Views.install(window, vm, background);
        String tab = System.getProperty("resnet.tab");
        if (tab != null) {
            window.tab(tab).getTabPane().getSelectionModel().select(window.tab(tab));
            // a probe tab needs the room the editor takes by default
            if (window.root().lookup("#verticalSplit") instanceof javafx.scene.control.SplitPane s) {
                Platform.runLater(() -> s.setDividerPositions(0.12));
            }
        }
        String shot = System.getProperty("resnet.screenshot");
        if (shot != null) {
            screenshotThenQuit(stage, vm, window, Path.of(shot));
        }
    }

    /** Waits for the engine line (or 8 s) so the picture shows a finished status bar. */
    private static void screenshotThenQuit(Stage stage, MainViewModel vm, MainController window,
            Path file) {
        double wait = Double.parseDouble(System.getProperty("resnet.screenshot.wait", "0"));
        PauseTransition settle = new PauseTransition(Duration.seconds(1.5 + wait));
        settle.setOnFinished(e -> {
            PauseTransition draw = new PauseTransition(Duration.seconds(0.5));
            draw.setOnFinished(f -> {
                try {
                    Screenshot.write(stage.getScene(), file);
                } catch (IOException ex) {
                    System.err.println("cannot write screenshot " + file + ": " + ex.getMessage());
                }
                Platform.exit();
            });
            draw.play();
        });
        Runnable start = settle::play;
        if (vm.engineTextProperty().get().startsWith("Engine: starting")) {
            PauseTransition timeout = new PauseTransition(Duration.seconds(8));
            timeout.setOnFinished(e -> start.run());
            vm.engineTextProperty().addListener((o, a, b) -> {
                timeout.stop();
                start.run();
            });
            timeout.play();
        } else {
            start.run();
        }
    }

    @Override
    public void stop() {
        background.shutdownNow();
    }
}
