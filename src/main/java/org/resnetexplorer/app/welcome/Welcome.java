package org.resnetexplorer.app.welcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Tab;
import org.resnetexplorer.app.MainController;
import org.resnetexplorer.app.MainViewModel;
import org.resnetexplorer.app.Views;
import org.resnetexplorer.app.inside.SampleImages;
import org.resnetexplorer.engine.ShippedModels;

/** Wires the welcome view into the main window and Help &gt; Welcome / lessons. */
public final class Welcome {

    static final String DEMO_IMAGE = "fashion-1-trouser-1.png";

    private Welcome() {
    }

    /** Builds the view (closed); the caller opens it on first run. */
    public static WelcomeViewModel install(MainController window, MainViewModel vm,
            Views views) {
        Consumer<String> showTab = id -> {
            Tab tab = window.tab(id);
            tab.getTabPane().getSelectionModel().select(tab);
            window.expandTabs();
        };
        LessonSetup lessons = new LessonSetup(vm, views, showTab, ShippedModels::list);
        Path demo = demoImage();
        WelcomeViewModel model = new WelcomeViewModel(vm.settings(), views.classify(), lessons,
                demo, () -> showTab.accept("classifyTab"));
        WelcomeView view = new WelcomeView(model, demo,
                () -> DegradationSummary.of(ShippedModels.list()).text());
        WelcomeView.attachTo(window.root(), view);
        window.setOnWelcome(model::open);
        return model;
    }

    private static Path demoImage() {
        Path dir = SampleImages.folder();
        Path file = dir == null ? null : dir.resolve(DEMO_IMAGE);
        return file != null && Files.isRegularFile(file) ? file : null;
    }
}
