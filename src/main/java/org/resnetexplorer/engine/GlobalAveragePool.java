package org.resnetexplorer.engine;

import ai.djl.ndarray.NDArray;
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
        NDArray x = inputs.singletonOrThrow();
        if ("MXNet".equals(x.getManager().getEngine().getEngineName())) {
            return new NDList(x.mean(new int[] {2, 3}));
        }
        // PyTorch's mean in DJL takes one axis only: flatten height and width first
        Shape s = x.getShape();
        return new NDList(x.reshape(s.get(0), s.get(1), -1).mean(new int[] {2}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1))};
    }
}
