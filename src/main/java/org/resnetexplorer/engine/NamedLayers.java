package org.resnetexplorer.engine;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layers applied one after the other, each under the model layer's name, so that probes and
 * error messages speak of "stage2.block1.conv1" rather than DJL's positional "03Conv2d".
 */
final class NamedLayers extends AbstractBlock {

    private static final byte VERSION = 1;

    private final List<String> names = new ArrayList<>();
    private final List<Block> layers = new ArrayList<>();
    private final SpecNetwork.Probe probe;

    NamedLayers(SpecNetwork.Probe probe) {
        super(VERSION);
        this.probe = probe;
    }

    void add(String name, Block layer) {
        names.add(name);
        layers.add(addChildBlock(name.replace('.', '_'), layer));
    }

    boolean isEmpty() {
        return layers.isEmpty();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList current = inputs;
        for (int i = 0; i < layers.size(); i++) {
            current = layers.get(i).forward(ps, current, training, params);
            probe.record(names.get(i), current.singletonOrThrow());
        }
        return current;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] current = inputShapes;
        for (Block layer : layers) {
            current = layer.getOutputShapes(current);
        }
        return current;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape[] current = inputShapes;
        for (Block layer : layers) {
            layer.initialize(manager, dataType, current);
            current = layer.getOutputShapes(current);
        }
    }

    /**
     * Loads layer by layer so that a file made for another network is refused at the first
     * layer that does not fit, by name, instead of loading wrong shapes or failing obscurely.
     */
    @Override
    public void loadParameters(NDManager manager, DataInputStream is)
            throws IOException, MalformedModelException {
        byte loadVersion = is.readByte();
        loadMetadata(loadVersion, is);
        for (int i = 0; i < layers.size(); i++) {
            Block layer = layers.get(i);
            Map<String, Shape> expected = new LinkedHashMap<>();
            for (Pair<String, Parameter> p : layer.getParameters()) {
                if (p.getValue().isInitialized()) {
                    expected.put(p.getKey(), p.getValue().getArray().getShape());
                }
            }
            try {
                layer.loadParameters(manager, is);
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw new ParameterMismatchException(names.get(i),
                        "the file does not hold this layer's weights here ("
                                + e.getMessage() + ")", e);
            }
            for (Pair<String, Parameter> p : layer.getParameters()) {
                Shape want = expected.get(p.getKey());
                Shape got = p.getValue().getArray().getShape();
                if (want != null && !want.equals(got)) {
                    throw new ParameterMismatchException(names.get(i), "the file has "
                            + p.getValue().getName() + " of shape " + got
                            + " but the network needs " + want, null);
                }
            }
        }
    }
}
