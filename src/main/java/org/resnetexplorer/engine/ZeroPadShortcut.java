package org.resnetexplorer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The paper's option A: keep every stride-th pixel and append zero channels. No weights, so the
 * plain twin of an option-A network has exactly the same parameters.
 */
final class ZeroPadShortcut extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int outChannels;
    private final int stride;

    ZeroPadShortcut(int outChannels, int stride) {
        super(VERSION);
        this.outChannels = outChannels;
        this.stride = stride;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (stride > 1) {
            // a 1x1 average pool with this stride keeps exactly every stride-th pixel, as the
            // slice x[:, :, ::s, ::s] would; on MXNet it runs as one oneDNN pooling in the
            // blocked layout, where the strided slice and its backward converted to the plain
            // layout (ResNet-20 training, batch 128: about 0.5 ms against 4.7 ms per step)
            x = Pool.avgPool2d(x, new Shape(1, 1), new Shape(stride, stride), new Shape(0, 0),
                    false, true);
        }
        long missing = outChannels - x.getShape().get(1);
        if (missing > 0) {
            Shape s = x.getShape();
            NDArray zeros = x.getManager().zeros(new Shape(s.get(0), missing, s.get(2), s.get(3)),
                    x.getDataType(), x.getDevice());
            x = x.concat(zeros, 1);
        }
        return new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), outChannels, (s.get(2) + stride - 1) / stride,
                (s.get(3) + stride - 1) / stride)};
    }
}
