package org.resnetexplorer.app.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.app.AppSettings;
import org.resnetexplorer.app.classify.ClassifyViewModel;
import org.resnetexplorer.model.Presets;

/** The first-run flag and the paging, without a window (engine work parked, never run). */
class WelcomeViewModelTest {

    private final Preferences node =
            Preferences.userRoot().node("resnet-explorer-tests/" + UUID.randomUUID());
    private final List<Runnable> parked = new ArrayList<>();

    @AfterEach
    void removePrefs() throws Exception {
        node.removeNode();
    }

    private WelcomeViewModel welcome(AppSettings settings) {
        ClassifyViewModel classify = new ClassifyViewModel(parked::add,
                () -> Presets.get("resnet20"));
        return new WelcomeViewModel(settings, classify, null, null, () -> { });
    }

    @Test
    void shownOnFirstRunOnlyUntilClosed() {
        AppSettings settings = new AppSettings(node);
        WelcomeViewModel first = welcome(settings);
        assertTrue(first.isFirstRun());
        assertTrue(first.showsAtStart());
        assertFalse(first.showAtStartProperty().get(), "every start is opt-in");
        first.open();
        assertTrue(first.openProperty().get());
        first.close();
        assertFalse(first.openProperty().get());
        assertFalse(welcome(new AppSettings(node)).showsAtStart(), "remembered");
    }

    @Test
    void showAtStartKeepsItComing() {
        WelcomeViewModel w = welcome(new AppSettings(node));
        w.open();
        w.showAtStartProperty().set(true);
        w.close();
        WelcomeViewModel next = welcome(new AppSettings(node));
        assertFalse(next.isFirstRun());
        assertTrue(next.showsAtStart());
        assertTrue(next.showAtStartProperty().get());
    }

    @Test
    void pagesStayInRange() {
        WelcomeViewModel w = welcome(new AppSettings(node));
        w.open();
        assertNull(w.lesson());
        w.back();
        assertEquals(0, w.pageProperty().get());
        for (int i = 0; i < 6; i++) {
            w.next();
        }
        assertEquals(Lesson.RESIDUAL_BLOCK, w.lesson());
        w.open(Lesson.DEGRADATION);
        assertEquals(Lesson.DEGRADATION, w.lesson());
        assertTrue(w.demoTextProperty().get().contains("sample images are not installed"));
    }

    @Test
    void lessonTextsAreClassroomLength() {
        for (Lesson l : Lesson.values()) {
            long sentences = l.explanation().split("(?<=[.!?])\\s+(?=[A-Z])").length;
            assertTrue(sentences >= 3 && sentences <= 6, l + ": " + sentences + " sentences");
        }
    }
}
