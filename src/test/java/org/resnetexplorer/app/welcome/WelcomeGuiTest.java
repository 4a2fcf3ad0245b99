package org.resnetexplorer.app.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resnetexplorer.app.GuiFixture;
import org.resnetexplorer.app.MainController;
import org.resnetexplorer.app.MainViewModel;
import org.resnetexplorer.app.Views;
import org.resnetexplorer.app.classify.ModelChoice;
import org.resnetexplorer.engine.ShippedModels;
import org.resnetexplorer.model.Presets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A teacher clicking through the welcome view, headless. Engine work is parked (queued, never
 * run): what is checked is that each lesson button sets the tabs up, not the numbers they then
 * compute, which the views' own tests cover. That keeps this class to a few seconds.
 */
@ExtendWith(ApplicationExtension.class)
class WelcomeGuiTest {

    private final GuiFixture fixture = new GuiFixture();
    private final List<Runnable> parked = new ArrayList<>();
    private MainViewModel vm;
    private MainController window;
    private Views views;
    private WelcomeViewModel welcome;

    @Start
    void start(Stage stage) {
        vm = fixture.viewModel();
        window = fixture.show(stage, vm);
        views = Views.install(window, vm, parked::add);
        welcome = Welcome.install(window, vm, views);
        welcome.open();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private boolean selected(String tabId) {
        return window.tab(tabId).isSelected();
    }

    @Test
    void theWelcomeShowsTheDemoAndCloses(FxRobot robot) {
        Node overlay = robot.lookup("#welcomeOverlay").query();
        assertTrue(overlay.isVisible());
        boolean trained = ShippedModels.find(LessonSetup.TRAINED_RESNET).isPresent();
        if (trained) {
            assertEquals(LessonSetup.TRAINED_RESNET,
                    views.classify().selectedProperty().get().label());
            assertTrue(selected("classifyTab"), "the demo is behind the welcome view");
        }
        robot.clickOn("#closeWelcome");
        assertFalse(overlay.isVisible());
        assertFalse(welcome.isFirstRun());
        robot.type(KeyCode.F1);
        assertTrue(overlay.isVisible(), "Help > Welcome / lessons (F1) opens it again");
    }

    @Test
    void lessonOneShowsResNet56AndItsTwinAtInitialisation(FxRobot robot) {
        robot.clickOn("#open-gradients");
        assertEquals(Lesson.GRADIENTS, welcome.lesson());
        robot.clickOn("#show-gradients");

        assertFalse(welcome.openProperty().get());
        assertTrue(selected("gradientsTab"));
        assertEquals(Presets.get("resnet56").withInput(LessonSetup.FASHION), vm.spec());
        assertEquals(ModelChoice.Kind.EDITOR,
                views.inside().selection().modelProperty().get().kind());
        assertTrue(views.inside().selection().imageProperty().get() != null);
        assertTrue(vm.noticeProperty().get().startsWith("Lesson 1"));
    }

    @Test
    void lessonTwoDrawsTheShippedHistories(FxRobot robot) {
        robot.clickOn("#welcomeStep2");
        assertTrue(robot.lookup("#degradationNote").queryLabeled().getText()
                .startsWith("Training error at the end"));
        robot.clickOn("#show-degradation");

        assertTrue(selected("trainTab"));
        DegradationSummary expected = DegradationSummary.of(ShippedModels.list());
        if (expected.historyToDraw() != null) {
            assertEquals(expected.historyToDraw().getFileName().toString(),
                    views.train().viewModel().resnetName());
            assertFalse(views.train().viewModel().resnetRows().isEmpty());
        }
        assertEquals("Lesson 2: " + expected.text(), vm.noticeProperty().get());
    }

    @Test
    void lessonThreeLooksInsideTheTrainedResNet20(FxRobot robot) {
        robot.clickOn("#welcomeNext").clickOn("#welcomeNext").clickOn("#welcomeNext");
        robot.clickOn("#show-residual-block");

        assertTrue(selected("shortcutsTab"));
        ModelChoice model = views.inside().selection().modelProperty().get();
        if (ShippedModels.find(LessonSetup.TRAINED_RESNET).isPresent()) {
            assertEquals(LessonSetup.TRAINED_RESNET, model.label());
        } else {
            assertEquals(ModelChoice.Kind.EDITOR, model.kind());
            assertTrue(vm.noticeProperty().get().contains("not installed yet"));
        }
        assertEquals("fashion-1-trouser-1.png", views.inside().selection().imageProperty()
                .get().file().getFileName().toString());
    }
}
