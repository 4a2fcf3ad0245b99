package org.resnetexplorer.engine;

import java.util.List;
import java.util.stream.IntStream;
import org.resnetexplorer.engine.data.FashionMnist;
import org.resnetexplorer.model.NetworkSpec;

/**
 * What an untrained network from the editor is given in place of a model folder's input
 * convention and labels: a grey 10-class network is treated as a Fashion-MNIST one (the data
 * set it would be trained on here), anything else gets plain 0..1 inputs and numbered classes.
 */
public final class UntrainedDefaults {

    private UntrainedDefaults() {
    }

    public static Preprocessing preprocessing(NetworkSpec spec) {
        return spec.input().channels() == 1 ? FashionMnist.PREPROCESSING : Preprocessing.NONE;
    }

    public static List<String> labels(NetworkSpec spec) {
        return spec.numClasses() == FashionMnist.CLASSES.size() ? FashionMnist.CLASSES
                : IntStream.range(0, spec.numClasses()).mapToObj(i -> "class " + i).toList();
    }
}
