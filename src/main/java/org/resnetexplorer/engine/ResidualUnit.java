package org.resnetexplorer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One block: y = tail(F(x) + shortcut(x)), or y = tail(F(x)) in the plain twin. The probe sees x,
 * F(x), the shortcut and the sum, which the shortcut view compares.
 */
final class ResidualUnit extends AbstractBlock {

    private static final byte VERSION = 1;

    private final String name;
    private final NamedLayers branch;
    private final NamedLayers shortcut;
    private final boolean residual;
    private final NamedLayers tail;
    private final SpecNetwork.Probe probe;

    ResidualUnit(String name, NamedLayers branch, NamedLayers shortcut, boolean residual,
            NamedLayers tail, SpecNetwork.Probe probe) {
        super(VERSION);
        this.name = name;
        this.branch = addChildBlock("branch", branch);
        this.shortcut = addChildBlock("shortcut", shortcut);
        this.residual = residual;
        this.tail = addChildBlock("tail", tail);
        this.probe = probe;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        probe.record(name + ".input", x);
        NDArray fx = branch.forward(ps, inputs, training, params).singletonOrThrow();
        probe.record(name + ".branch", fx);
        NDArray out = fx;
        if (residual) {
            NDArray sx = shortcut.isEmpty() ? x
                    : shortcut.forward(ps, inputs, training, params).singletonOrThrow();
            probe.record(name + ".shortcut", sx);
            out = add(fx, sx);
            probe.record(name + ".add", out);
        }
        NDArray y = tail.forward(ps, new NDList(out), training, params).singletonOrThrow();
        y = probe.tap(name, y);
        probe.record(name, y);
        return new NDList(y);
    }

    /**
     * F(x) + x. On MXNet the legacy {@code elemwise_add} is used: its oneDNN kernel adds the two
     * tensors in the blocked layout the convolutions leave them in, where the generic add first
     * reorders both to plain layout (measured: 54 reorders per ResNet-50 inference, about a
     * third of the convolution time). Other engines take the generic add.
     */
    static NDArray add(NDArray a, NDArray b) {
        if ("MXNet".equals(a.getManager().getEngine().getEngineName())
                && a.getShape().equals(b.getShape())) {
            return a.getManager().invoke("elemwise_add", new NDList(a, b), null)
                    .singletonOrThrow();
        }
        return a.add(b);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return tail.getOutputShapes(branch.getOutputShapes(inputShapes));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        branch.initialize(manager, dataType, inputShapes);
        shortcut.initialize(manager, dataType, inputShapes);
        tail.initialize(manager, dataType, branch.getOutputShapes(inputShapes));
    }
}
