package org.resnetexplorer.engine;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Mean over height and width: (N, C, H, W) to (N, C), ready for the fully-connected layer. */
final class GlobalAveragePool extends AbstractBlock {

    private static final byte VERSION = 1;

    GlobalAveragePool() {
        super(VERSION);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(inputs.singletonOrThrow().mean(new int[] {2, 3}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1))};
    }
}
