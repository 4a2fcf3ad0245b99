package org.resnetexplorer.app.inside;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An input image to look inside the networks with. Sample images named
 * fashion-&lt;class&gt;-&lt;name&gt;-&lt;n&gt;.png carry their Fashion-MNIST label in the name,
 * which the gradients view needs for its loss.
 *
 * @param label the class index, or -1 when the name does not say
 */
public record ImageChoice(String title, Path file, int label) {

    private static final Pattern FASHION = Pattern.compile("fashion-(\\d)-([a-z-]+)-(\\d+)\\.png");

    public static ImageChoice of(Path file) {
        String name = file.getFileName().toString();
        Matcher m = FASHION.matcher(name.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            return new ImageChoice(m.group(2).replace('-', ' ') + " " + m.group(3) + "  (class "
                    + m.group(1) + ")", file, Integer.parseInt(m.group(1)));
        }
        return new ImageChoice(name, file, -1);
    }

    public boolean labelled() {
        return label >= 0;
    }

    @Override
    public String toString() {
        return title;
    }
}
