package org.resnetexplorer.app.welcome;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import org.resnetexplorer.app.AppSettings;
import org.resnetexplorer.app.classify.ClassifyViewModel;
import org.resnetexplorer.app.classify.ImageCard;
import org.resnetexplorer.engine.Classifier;

/**
 * The welcome view's state: open or not, which page (0: welcome, 1-3: the lessons), whether to
 * show it at start, and the demo (the trained ResNet-20 classifying a sample image in the
 * Classify tab). No scene-graph types; the lessons are set up by {@link LessonSetup}.
 */
public final class WelcomeViewModel {

    /** Set once the teacher has closed the welcome view: later starts go straight to work. */
    static final String SEEN = "welcome.seen";
    /** "Show this at start": for a classroom machine that greets every class. */
    static final String AT_START = "welcome.atStart";
    public static final int PAGES = Lesson.values().length + 1;

    private final AppSettings settings;
    private final ClassifyViewModel classify;
    private final LessonSetup lessons;
    private final Path demoImage;
    private final Runnable showClassifyTab;

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper();
    private final BooleanProperty showAtStart = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper demoText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastLesson = new ReadOnlyStringWrapper("");

    /**
     * @param demoImage the sample image to classify (null when sample-images/ is missing)
     * @param showClassifyTab brings the Classify tab forward, so the demo is there behind
     */
    public WelcomeViewModel(AppSettings settings, ClassifyViewModel classify,
            LessonSetup lessons, Path demoImage, Runnable showClassifyTab) {
        this.settings = settings;
        this.classify = classify;
        this.lessons = lessons;
        this.demoImage = demoImage;
        this.showClassifyTab = showClassifyTab;
        showAtStart.set(settings.flag(AT_START));
        showAtStart.addListener((o, a, show) -> settings.setFlag(AT_START, show));
        classify.cards().addListener((ListChangeListener<ImageCard>) c -> describeDemo());
    }

    public boolean isFirstRun() {
        return !settings.flag(SEEN);
    }

    /** On the first run, and on every run while "Show this at start" is ticked. */
    public boolean showsAtStart() {
        return isFirstRun() || showAtStart.get();
    }

    /** Opens on the welcome page and starts the demo unless the gallery already has images. */
    public void open() {
        page.set(0);
        open.set(true);
        startDemo();
    }

    /** Opens straight on a lesson's page. */
    public void open(Lesson lesson) {
        open();
        page.set(lesson.number());
    }

    /** Closing counts as having seen it; "Show at start" brings it back next time. */
    public void close() {
        open.set(false);
        settings.setFlag(SEEN, true);
    }

    public void next() {
        page.set(Math.min(PAGES - 1, page.get() + 1));
    }

    public void back() {
        page.set(Math.max(0, page.get() - 1));
    }

    public void goTo(int p) {
        page.set(Math.max(0, Math.min(PAGES - 1, p)));
    }

    /** The lesson on the current page, or null on the welcome page. */
    public Lesson lesson() {
        return page.get() == 0 ? null : Lesson.values()[page.get() - 1];
    }

    /** The lesson button: sets the app up for it and gets out of the way. */
    public void showMe(Lesson lesson) {
        page.set(lesson.number());
        lastLesson.set(lessons.apply(lesson));
        close();
    }

    private void startDemo() {
        if (demoImage == null) {
            demoText.set("The sample images are not installed, so there is nothing to classify"
                    + " yet; the lessons work without them.");
            return;
        }
        if (!classify.cards().isEmpty()) {
            describeDemo();
            return;
        }
        if (!classify.choose(LessonSetup.TRAINED_RESNET)) {
            demoText.set("The trained ResNet-20 (" + LessonSetup.TRAINED_RESNET + ") is not"
                    + " installed yet: lessons 1 and 3 use untrained networks until it is.");
            return;
        }
        showClassifyTab.run();
        demoText.set("Loading the trained ResNet-20 and classifying a sample image...");
        classify.classifyWhenReady(List.of(demoImage));
    }

    private void describeDemo() {
        classify.cards().stream().filter(c -> c.file().equals(demoImage) && c.ok()).findFirst()
                .ifPresent(c -> demoText.set(describe(c, classify.loaded() != null
                        && classify.loaded().twinLabel().contains("untrained"))));
    }

    /** "... ResNet-20 calls the sample image “Trouser” (99.1 %); its plain twin ..." */
    static String describe(ImageCard card, boolean twinUntrained) {
        StringBuilder sb = new StringBuilder("Behind this window, in the Classify tab: the"
                + " trained ResNet-20 calls the sample image ").append(best(card.resnet()));
        if (card.twin() != null && card.twin().ok()) {
            sb.append(twinUntrained ? "; its plain twin, not trained yet, guesses "
                    : "; its trained plain twin says ").append(best(card.twin()));
        }
        return sb.append(". Drop your own images there.").toString();
    }

    private static String best(Classifier.Result r) {
        Classifier.Prediction p = r.top().get(0);
        return String.format(Locale.ROOT, "“%s” (%.1f %%)", p.label(), 100 * p.probability());
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public BooleanProperty showAtStartProperty() {
        return showAtStart;
    }

    public ReadOnlyStringProperty demoTextProperty() {
        return demoText.getReadOnlyProperty();
    }

    /** What the last lesson button set up, as the status bar says it. */
    public ReadOnlyStringProperty lastLessonProperty() {
        return lastLesson.getReadOnlyProperty();
    }
}
