package org.resnetexplorer.app.classify;

import java.nio.file.Path;
import org.resnetexplorer.engine.Classifier;

/**
 * One dropped image in the gallery: what the model said, and what its plain twin said when the
 * twin is shown (null otherwise). A file that could not be read carries only the error.
 */
public record ImageCard(Path file, Classifier.Result resnet, Classifier.Result twin) {

    public boolean ok() {
        return resnet.ok();
    }

    public String error() {
        return resnet.error();
    }
}
