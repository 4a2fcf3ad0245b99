package org.resnetexplorer.app.classify;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.resnetexplorer.engine.Classifier;

/**
 * One image in the gallery: the picture, what the network actually sees, and the top classes as
 * bars, for the ResNet and (when shown) its plain twin. A file that could not be read gets a
 * card with its reason instead.
 */
final class ImageCardView extends VBox {

    private static final double PICTURE = 112;
    private static final double BAR = 150;

    ImageCardView(ImageCard card, String resnetName, String twinName) {
        getStyleClass().add("image-card");
        setSpacing(8);
        Label title = new Label(card.file().getFileName().toString());
        title.getStyleClass().add("card-title");
        title.setTooltip(new Tooltip(card.file().toString()));
        getChildren().add(title);
        if (!card.ok()) {
            getStyleClass().add("error-card");
            Label reason = new Label(card.error());
            reason.setWrapText(true);
            reason.getStyleClass().add("card-error");
            getChildren().add(reason);
            setId("error-" + idOf(card));
            return;
        }
        Classifier.Result r = card.resnet();
        ImageView picture = new ImageView(FxImages.of(r.thumbnail()));
        picture.setPreserveRatio(true);
        picture.setFitWidth(PICTURE);
        picture.setFitHeight(PICTURE);
        ImageView seen = new ImageView(FxImages.of(r.input()));
        seen.setSmooth(false);
        seen.setFitWidth(PICTURE);
        seen.setFitHeight(PICTURE);
        VBox seenBox = captioned(seen, "what the network sees: "
                + r.input().shape().height() + "×" + r.input().shape().width()
                + (r.input().inverted() ? ", inverted" : ""));
        VBox pictureBox = captioned(picture, r.thumbnail().originalWidth() + "×"
                + r.thumbnail().originalHeight() + " image");
        Label arrow = new Label("→");
        arrow.getStyleClass().add("card-arrow");
        HBox images = new HBox(10, pictureBox, arrow, seenBox);
        images.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(images);
        getChildren().add(predictions(resnetName, r));
        if (card.twin() != null) {
            getChildren().add(predictions(twinName, card.twin()));
        }
        setId("card-" + idOf(card));
    }

    /** A CSS-safe id from the file name ("fashion-3-dress-1.png" -> "fashion-3-dress-1-png"). */
    static String idOf(ImageCard card) {
        return card.file().getFileName().toString().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static VBox captioned(ImageView view, String caption) {
        StackPane frame = new StackPane(view);
        frame.getStyleClass().add("picture-frame");
        frame.setMinSize(PICTURE + 4, PICTURE + 4);
        frame.setMaxSize(PICTURE + 4, PICTURE + 4);
        Label text = new Label(caption);
        text.getStyleClass().add("caption");
        text.setWrapText(true);
        text.setMaxWidth(PICTURE + 20);
        return new VBox(4, frame, text);
    }

    private static VBox predictions(String network, Classifier.Result r) {
        Label name = new Label(String.format(Locale.ROOT, "%s  ·  %.1f ms", network,
                r.millis()));
        name.getStyleClass().add("network-name");
        VBox box = new VBox(3, name);
        List<Classifier.Prediction> top = r.top();
        for (int i = 0; i < top.size(); i++) {
            Classifier.Prediction p = top.get(i);
            Label label = new Label(p.label());
            label.setMinWidth(92);
            label.setPrefWidth(92);
            label.getStyleClass().add(i == 0 ? "top-label" : "class-label");
            Region bar = new Region();
            bar.getStyleClass().addAll("prob-bar", i == 0 ? "top-bar" : "other-bar");
            bar.setMinHeight(12);
            bar.setPrefWidth(Math.max(2, BAR * p.probability()));
            bar.setMaxWidth(Region.USE_PREF_SIZE);
            Region rest = new Region();
            HBox.setHgrow(rest, Priority.NEVER);
            rest.setPrefWidth(BAR - bar.getPrefWidth());
            rest.getStyleClass().add("prob-rest");
            Label pct = new Label(String.format(Locale.ROOT, "%5.1f %%", 100 * p.probability()));
            pct.getStyleClass().add("percent");
            HBox row = new HBox(6, label, new HBox(bar, rest), pct);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        return box;
    }
}
