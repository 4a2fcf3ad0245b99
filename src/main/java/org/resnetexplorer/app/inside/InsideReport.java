package org.resnetexplorer.app.inside;

import java.util.List;
import org.resnetexplorer.engine.image.PreparedImage;
import org.resnetexplorer.engine.probe.ForwardReport;
import org.resnetexplorer.model.NetworkSpec;

/**
 * One forward pass of both networks for one (model, image): all three probe tabs and every layer
 * are drawn from it, so switching layer or tab never calls the engine.
 *
 * @param input the chosen image as the networks see it (C x H x W, 0..1)
 * @param batchSource what the rest of the batch was (responses are statistics over the batch)
 */
public record InsideReport(String resnetName, String plainName, boolean resnetTrained,
        boolean plainTrained, NetworkSpec resnetSpec, NetworkSpec plainSpec, PreparedImage input,
        String imageTitle, String batchSource, ForwardReport resnet, ForwardReport plain,
        List<String> labels) {

    public String twinLabel() {
        return TwinLabel.of(plainTrained);
    }

    /** "ResNet: Trouser 97 % · plain (trained twin): Trouser 91 %". */
    public String predictions() {
        return "ResNet says " + top(resnet.logits()) + " · " + TwinLabel.series(plainTrained)
                + " says " + top(plain.logits());
    }

    private String top(float[] logits) {
        int n = Math.min(labels.size(), logits.length);
        if (n == 0) {
            return "—";
        }
        int best = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(logits[i] - max);
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return String.format(java.util.Locale.ROOT, "%s %.0f %%", labels.get(best),
                100 / sum);
    }
}
