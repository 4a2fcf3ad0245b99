package org.resnetexplorer.app;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

/**
 * Where the main window stood and how big it was. The bounds are the window's own when it is not
 * maximised, so that un-maximising after a restart goes back to the size the teacher chose.
 */
public record WindowPlacement(double x, double y, double width, double height,
        boolean maximized) {

    private static final String KEY = "window.";
    /** Enough of the window on some screen to grab it by its title bar. */
    private static final double GRIP = 80;

    public static Optional<WindowPlacement> read(AppSettings settings) {
        double w = settings.number(KEY + "width", -1);
        double h = settings.number(KEY + "height", -1);
        if (!(w > 0) || !(h > 0)) {
            return Optional.empty();
        }
        return Optional.of(new WindowPlacement(settings.number(KEY + "x", 0),
                settings.number(KEY + "y", 0), w, h, settings.flag(KEY + "maximized")));
    }

    public void write(AppSettings settings) {
        settings.setNumber(KEY + "x", x);
        settings.setNumber(KEY + "y", y);
        settings.setNumber(KEY + "width", width);
        settings.setNumber(KEY + "height", height);
        settings.setFlag(KEY + "maximized", maximized);
    }

    /** False when a screen has gone since (a projector unplugged): the window would be lost. */
    public boolean visibleOn(List<Rectangle2D> screens) {
        Rectangle2D titleBar = new Rectangle2D(x, y, Math.max(1, width), GRIP / 2);
        return screens.stream().anyMatch(s -> {
            double wide = Math.min(s.getMaxX(), titleBar.getMaxX())
                    - Math.max(s.getMinX(), titleBar.getMinX());
            return wide >= GRIP && s.intersects(titleBar);
        });
    }

    /** Keeps the last un-maximised bounds up to date, and writes everything when it closes. */
    public static void remember(Stage stage, AppSettings settings) {
        double[] normal = {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
        Runnable track = () -> {
            if (!stage.isMaximized() && !stage.isIconified()) {
                normal[0] = stage.getX();
                normal[1] = stage.getY();
                normal[2] = stage.getWidth();
                normal[3] = stage.getHeight();
            }
        };
        stage.xProperty().addListener((o, a, b) -> track.run());
        stage.yProperty().addListener((o, a, b) -> track.run());
        stage.widthProperty().addListener((o, a, b) -> track.run());
        stage.heightProperty().addListener((o, a, b) -> track.run());
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> new WindowPlacement(
                normal[0], normal[1], normal[2], normal[3], stage.isMaximized()).write(settings));
    }

    /** Call before the window is shown, so it opens where it was rather than jumping there. */
    public void applyTo(Stage stage) {
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setMaximized(maximized);
    }
}
