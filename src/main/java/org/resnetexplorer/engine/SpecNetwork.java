package org.resnetexplorer.engine;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetexplorer.model.InputShape;
import org.resnetexplorer.model.LayerInfo;
import org.resnetexplorer.model.NetworkAnalysis;
import org.resnetexplorer.model.NetworkSpec;

/**
 * The DJL network of a spec, built from the model layer's own layer list so that names, shapes
 * and parameter counts are the same in both by construction (and tested to be).
 */
public final class SpecNetwork extends AbstractBlock {

    private static final byte VERSION = 1;

    private final NetworkAnalysis analysis;
    private final Map<String, Block> parts = new LinkedHashMap<>();
    private final Map<String, Block> layers = new LinkedHashMap<>();
    private final Probe probe = new Probe();

    private SpecNetwork(NetworkAnalysis analysis) {
        super(VERSION);
        this.analysis = analysis;
    }

    /** Builds the network of a valid spec; throws InvalidSpecException otherwise. */
    public static SpecNetwork of(NetworkSpec spec) {
        NetworkAnalysis analysis = NetworkAnalysis.of(spec);
        SpecNetwork net = new SpecNetwork(analysis);
        Map<String, List<LayerInfo>> byOwner = new LinkedHashMap<>();
        for (LayerInfo layer : analysis.layers()) {
            byOwner.computeIfAbsent(layer.owner(), k -> new ArrayList<>()).add(layer);
        }
        byOwner.forEach((owner, layers) -> net.addPart(owner,
                owner.startsWith("stage") ? net.unit(owner, layers) : net.sequence(layers)));
        return net;
    }

    public NetworkSpec spec() {
        return analysis.spec();
    }

    public NetworkAnalysis analysis() {
        return analysis;
    }

    /** Input shape of a batch of {@code batch} images. */
    public Shape inputShape(int batch) {
        InputShape in = spec().input();
        return new Shape(batch, in.channels(), in.height(), in.width());
    }

    /**
     * Runs {@code work} with a recorder that sees every layer's output. Not for concurrent
     * forward passes of the same network.
     */
    public <T> T withRecorder(ActivationRecorder recorder, java.util.function.Supplier<T> work) {
        probe.recorder = recorder;
        try {
            return work.get();
        } finally {
            probe.recorder = null;
        }
    }

    private void addPart(String name, Block part) {
        parts.put(name, addChildBlock(name.replace('.', '_'), part));
    }

    private NamedLayers sequence(List<LayerInfo> layers) {
        NamedLayers seq = new NamedLayers(probe);
        layers.forEach(l -> seq.add(l.name(), layer(l)));
        return seq;
    }

    /** Splits a block's layers into branch F, shortcut and what follows the sum. */
    private ResidualUnit unit(String name, List<LayerInfo> layers) {
        NamedLayers branch = new NamedLayers(probe);
        NamedLayers shortcut = new NamedLayers(probe);
        NamedLayers tail = new NamedLayers(probe);
        boolean residual = layers.stream().anyMatch(l -> l.type().equals("add"));
        boolean afterAdd = false;
        for (LayerInfo l : layers) {
            if (l.type().equals("add")) {
                afterAdd = true;
            } else if (l.onShortcut()) {
                shortcut.add(l.name(), layer(l));
            } else if (afterAdd || (!residual && l.name().equals(name + ".relu"))) {
                tail.add(l.name(), layer(l));
            } else {
                branch.add(l.name(), layer(l));
            }
        }
        return new ResidualUnit(name, branch, shortcut, residual, tail, probe);
    }

    private Block layer(LayerInfo l) {
        Block block = newLayer(l);
        layers.put(l.name(), block);
        return block;
    }

    /** The DJL block of a layer by its model name, e.g. to read its weights or gradients. */
    public Block layerBlock(String name) {
        Block block = layers.get(name);
        if (block == null) {
            throw new IllegalArgumentException("no layer named '" + name + "' in "
                    + spec().name());
        }
        return block;
    }

    private static Block newLayer(LayerInfo l) {
        int k = l.kernel();
        return switch (l.type()) {
            case "conv" -> Conv2d.builder().setKernelShape(new Shape(k, k))
                    .optStride(new Shape(l.stride(), l.stride()))
                    .optPadding(new Shape(k / 2, k / 2))
                    .setFilters(l.outShape().channels()).optBias(false).build();
            case "batchnorm" -> BatchNorm.builder().build();
            case "relu" -> Activation.reluBlock();
            case "maxpool" -> Pool.maxPool2dBlock(new Shape(k, k),
                    new Shape(l.stride(), l.stride()), new Shape(k / 2, k / 2));
            case "avgpool" -> new GlobalAveragePool();
            case "fc" -> Linear.builder().setUnits(l.outShape().channels()).build();
            case "zeropad" -> new ZeroPadShortcut(l.outShape().channels(), l.stride());
            default -> throw new IllegalArgumentException("no engine layer for type " + l.type());
        };
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList current = inputs;
        for (Block part : parts.values()) {
            current = part.forward(ps, current, training, params);
        }
        return current;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] current = inputShapes;
        for (Block part : parts.values()) {
            current = part.getOutputShapes(current);
        }
        return current;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape[] current = inputShapes;
        for (Block part : parts.values()) {
            part.initialize(manager, dataType, current);
            current = part.getOutputShapes(current);
        }
    }

    @Override
    public void loadParameters(NDManager manager, DataInputStream is)
            throws IOException, MalformedModelException {
        byte loadVersion = is.readByte();
        loadMetadata(loadVersion, is);
        for (Map.Entry<String, Block> part : parts.entrySet()) {
            try {
                part.getValue().loadParameters(manager, is);
            } catch (ParameterMismatchException e) {
                throw e;
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw new ParameterMismatchException(part.getKey(),
                        "the file does not hold this block's weights here (" + e.getMessage()
                                + ")", e);
            }
        }
        if (is.read() != -1) {
            throw new ParameterMismatchException("head.fc", "the file holds more weights than"
                    + " this network has: it was made for a larger network", null);
        }
    }

    /**
     * Runs {@code work} with a tap on every block output: the tap may return a tensor to use
     * instead (x + z with a zero z that records its gradient, to see what reaches the block).
     */
    public <T> T withGradientTap(GradientTap tap, java.util.function.Supplier<T> work) {
        probe.tap = tap;
        try {
            return work.get();
        } finally {
            probe.tap = null;
        }
    }

    /** Replaces a block's output during a probe, e.g. to watch the gradient that reaches it. */
    @FunctionalInterface
    public interface GradientTap {
        NDArray tap(String block, NDArray output);
    }

    /** Where the network's blocks report their outputs while a recorder is set. */
    static final class Probe {
        private volatile ActivationRecorder recorder;
        private volatile GradientTap tap;

        void record(String name, NDArray value) {
            ActivationRecorder r = recorder;
            if (r != null) {
                r.record(name, value);
            }
        }

        NDArray tap(String block, NDArray value) {
            GradientTap t = tap;
            return t == null ? value : t.tap(block, value);
        }
    }
}
