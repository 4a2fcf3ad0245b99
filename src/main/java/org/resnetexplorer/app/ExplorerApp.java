package org.resnetexplorer.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.resnetexplorer.app.welcome.Lesson;
import org.resnetexplorer.app.welcome.Welcome;
import org.resnetexplorer.app.welcome.WelcomeViewModel;
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
 * "run:STEPS,BATCH,LIMIT": what Train &amp; Compare starts with), {@code resnet.welcome}
 * (true/false: show the welcome view whatever the first-run flag says; 1-3: open on a lesson). Without a start option
 * the last session is restored (file or preset, window, tab, Classify model and device); a
 * screenshot run neither restores nor records it.
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
        // documentation pictures must not depend on (or change) the user's last session
        boolean picture = System.getProperty("resnet.screenshot") != null;
        LastSession session = new LastSession(settings);
        String preset = System.getProperty("resnet.preset");
        NetworkSpec initial = preset != null ? Presets.find(preset).orElse(Presets.get("resnet20"))
                : picture ? Presets.get("resnet20") : session.startNetwork();
        MainViewModel vm = new MainViewModel(initial, new FxDialogService(stage), settings);
        if (!picture) {
            WindowPlacement.remember(stage, settings);
            WindowPlacement.read(settings).filter(p -> p.visibleOn(Screen.getScreens().stream()
                    .map(Screen::getVisualBounds).toList())).ifPresent(p -> p.applyTo(stage));
        }
        MainController window = MainWindow.show(stage, vm);
        String open = System.getProperty("resnet.open");
        if (open != null) {
            vm.openFile(Path.of(open));
        } else if (preset == null && !picture) {
            session.reopenFile(vm);
        }
        String select = System.getProperty("resnet.select");
        if (select != null && select.matches("\\d+,\\d+")) {
            String[] at = select.split(",");
            vm.select(new BlockPath(Integer.parseInt(at[0]) - 1, Integer.parseInt(at[1]) - 1));
        }
        vm.probeEngine(background, EngineProbe.djl());
        Views views = Views.install(window, vm, background);
        String tab = System.getProperty("resnet.tab");
        if (tab != null) {
            window.tab(tab).getTabPane().getSelectionModel().select(window.tab(tab));
            // a probe tab needs the room the editor takes by default
            if (window.root().lookup("#verticalSplit") instanceof javafx.scene.control.SplitPane s) {
                Platform.runLater(() -> s.setDividerPositions(0.12));
            }
        }
        if (!picture) {
            session.restoreViews(views.classify(), id -> {
                if (tab == null) {
                    window.tab(id).getTabPane().getSelectionModel().select(window.tab(id));
                }
            });
            session.watch(vm, views.classify(), window.tab("classifyTab").getTabPane()
                    .getSelectionModel().selectedItemProperty());
            vm.notice(session.notice());
        }
        WelcomeViewModel welcome = Welcome.install(window, vm, views);
        String showWelcome = System.getProperty("resnet.welcome", "");
        if (showWelcome.matches("[1-3]")) {
            welcome.open(Lesson.values()[Integer.parseInt(showWelcome) - 1]);
        } else if (showWelcome.isEmpty() ? !picture && welcome.showsAtStart()
                : Boolean.parseBoolean(showWelcome)) {
            welcome.open();
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
