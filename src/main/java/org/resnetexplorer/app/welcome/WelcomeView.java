package org.resnetexplorer.app.welcome;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The welcome view: a card over the dimmed window, one page at a time (welcome, then the three
 * lessons), in type large enough for a projector. It sits over the window's centre rather than
 * in a dialog, so the menus stay usable and the theme and presentation mode reach it.
 */
public final class WelcomeView extends StackPane {

    private static final double IMAGE_SIZE = 112;

    private final WelcomeViewModel vm;
    private final Supplier<String> degradationNote;
    private final StackPane pages = new StackPane();
    private final ToggleGroup steps = new ToggleGroup();

    /**
     * @param demoImage shown beside the demo's result (null: no picture)
     * @param degradationNote what the shipped histories say, read when lesson 2 is shown
     */
    public WelcomeView(WelcomeViewModel vm, Path demoImage, Supplier<String> degradationNote) {
        this.vm = vm;
        this.degradationNote = degradationNote;
        setId("welcomeOverlay");
        getStyleClass().add("welcome-overlay");
        getStylesheets().add(Objects.requireNonNull(WelcomeView.class.getResource(
                "welcome.css"), "missing resource org/resnetexplorer/app/welcome/welcome.css")
                .toExternalForm());
        visibleProperty().bind(vm.openProperty());
        managedProperty().bind(vm.openProperty());

        Region backdrop = new Region();
        backdrop.getStyleClass().add("welcome-backdrop");
        // clicks on the dimmed window must not reach the controls underneath
        backdrop.setOnMouseClicked(e -> e.consume());

        pages.getChildren().add(welcomePage(demoImage));
        for (Lesson lesson : Lesson.values()) {
            pages.getChildren().add(lessonPage(lesson));
        }
        VBox.setVgrow(pages, Priority.ALWAYS);

        VBox card = new VBox(14, header(), stepBar(), pages, footer());
        card.setId("welcomeCard");
        card.getStyleClass().add("welcome-card");
        card.setMaxSize(1040, Region.USE_PREF_SIZE);
        getChildren().addAll(backdrop, card);

        vm.pageProperty().addListener((o, a, p) -> showPage(p.intValue()));
        showPage(vm.pageProperty().get());
    }

    /** Lays the view over {@code window}'s centre; Help &gt; Welcome opens it again. */
    public static void attachTo(BorderPane window, WelcomeView view) {
        Node centre = window.getCenter();
        window.setCenter(new StackPane(centre, view));
    }

    private Node header() {
        Label title = new Label("Welcome to ResNet Explorer");
        title.getStyleClass().add("welcome-title");
        Label subtitle = new Label("Every view shows a residual network beside its plain twin:"
                + " the same layers, without the skip connections.");
        subtitle.getStyleClass().add("welcome-subtitle");
        subtitle.setWrapText(true);
        return new VBox(4, title, subtitle);
    }

    private Node stepBar() {
        HBox bar = new HBox(8);
        bar.getChildren().add(step(0, "Welcome"));
        for (Lesson lesson : Lesson.values()) {
            bar.getChildren().add(step(lesson.number(), lesson.number() + "  "
                    + shortName(lesson)));
        }
        return bar;
    }

    private ToggleButton step(int page, String text) {
        ToggleButton b = new ToggleButton(text);
        b.setId("welcomeStep" + page);
        b.getStyleClass().add("welcome-step");
        b.setToggleGroup(steps);
        b.setUserData(page);
        b.setOnAction(e -> {
            vm.goTo(page);
            // a toggle clicked twice would show no page selected
            b.setSelected(true);
        });
        return b;
    }

    private static String shortName(Lesson lesson) {
        return switch (lesson) {
            case GRADIENTS -> "Gradients";
            case DEGRADATION -> "Degradation";
            case RESIDUAL_BLOCK -> "Residual block";
        };
    }

    private Node welcomePage(Path demoImage) {
        Label intro = text("Comparing the two shows what the skip connections do. Three short"
                + " lessons below set the app up for you, one click each; Help › Welcome /"
                + " lessons brings this back at any time.");
        HBox demo = new HBox(16);
        demo.getStyleClass().add("welcome-demo");
        demo.setAlignment(Pos.CENTER_LEFT);
        if (demoImage != null) {
            ImageView picture = new ImageView(new Image(demoImage.toUri().toString(), IMAGE_SIZE,
                    IMAGE_SIZE, true, false, true));
            picture.setFitWidth(IMAGE_SIZE);
            picture.setFitHeight(IMAGE_SIZE);
            demo.getChildren().add(picture);
        }
        Label demoText = new Label();
        demoText.setId("welcomeDemoText");
        demoText.getStyleClass().add("welcome-demo-text");
        demoText.setWrapText(true);
        demoText.textProperty().bind(vm.demoTextProperty());
        HBox.setHgrow(demoText, Priority.ALWAYS);
        demo.getChildren().add(demoText);

        VBox links = new VBox(8);
        for (Lesson lesson : Lesson.values()) {
            Button link = new Button(lesson.number() + "   " + lesson.title());
            link.setId("open-" + lesson.id());
            link.getStyleClass().add("welcome-link");
            link.setMaxWidth(Double.MAX_VALUE);
            link.setAlignment(Pos.CENTER_LEFT);
            link.setOnAction(e -> vm.goTo(lesson.number()));
            links.getChildren().add(link);
        }
        VBox page = new VBox(16, intro, demo, links);
        page.setId("welcomePage0");
        return page;
    }

    private Node lessonPage(Lesson lesson) {
        Label kicker = new Label("Lesson " + lesson.number() + " of " + Lesson.values().length);
        kicker.getStyleClass().add("welcome-kicker");
        Label heading = new Label(lesson.title());
        heading.getStyleClass().add("welcome-heading");
        heading.setWrapText(true);
        Label body = text(lesson.explanation());
        body.setId("lessonText-" + lesson.id());
        Button show = new Button(lesson.action() + "  ›");
        show.setId("show-" + lesson.id());
        show.getStyleClass().addAll("default-action", "welcome-action");
        show.setDefaultButton(false);
        show.setOnAction(e -> vm.showMe(lesson));
        VBox page = new VBox(12, kicker, heading, body);
        if (lesson == Lesson.DEGRADATION) {
            Label note = new Label();
            note.setId("degradationNote");
            note.getStyleClass().add("welcome-note");
            note.setWrapText(true);
            // read when the page is shown: the 56-layer models may have arrived meanwhile
            vm.pageProperty().addListener((o, a, p) -> {
                if (p.intValue() == lesson.number()) {
                    note.setText(degradationNote.get());
                }
            });
            page.getChildren().add(note);
        }
        Pane push = new Pane();
        VBox.setVgrow(push, Priority.ALWAYS);
        page.getChildren().addAll(push, show);
        page.setId("welcomePage" + lesson.number());
        return page;
    }

    private Node footer() {
        CheckBox atStart = new CheckBox("Show this at start");
        atStart.setId("showAtStartBox");
        atStart.selectedProperty().bindBidirectional(vm.showAtStartProperty());
        Button back = new Button("‹  Back");
        back.setId("welcomeBack");
        back.disableProperty().bind(vm.pageProperty().isEqualTo(0));
        back.setOnAction(e -> vm.back());
        Button next = new Button("Next  ›");
        next.setId("welcomeNext");
        next.disableProperty().bind(vm.pageProperty().isEqualTo(WelcomeViewModel.PAGES - 1));
        next.setOnAction(e -> vm.next());
        Button close = new Button("Start exploring");
        close.setId("closeWelcome");
        close.setCancelButton(true);
        close.setOnAction(e -> vm.close());
        Pane gap = new Pane();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(10, atStart, gap, back, next, close);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("welcome-footer");
        return footer;
    }

    private void showPage(int p) {
        for (int i = 0; i < pages.getChildren().size(); i++) {
            pages.getChildren().get(i).setVisible(i == p);
        }
        steps.getToggles().stream().filter(t -> Integer.valueOf(p).equals(t.getUserData()))
                .findFirst().ifPresent(t -> t.setSelected(true));
    }

    private static Label text(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("welcome-text");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
