package org.resnetexplorer.engine.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetexplorer.engine.SpecNetwork;
import org.resnetexplorer.model.LayerInfo;

/**
 * Looks inside a network: one forward pass for activations, layer responses and shortcut
 * statistics; one forward and backward pass for gradients. Every tensor lives in a scope that is
 * closed before returning; only plain Java leaves.
 */
public final class NetworkProbe {

    private final SpecNetwork net;
    private final NDManager manager;
    private final ParameterStore store;

    /** @param manager a manager on the device where the network's parameters live */
    public NetworkProbe(SpecNetwork net, NDManager manager) {
        this.net = net;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
    }

    public SpecNetwork network() {
        return net;
    }

    /** Inference-mode pass over {@code batch} prepared (normalised) images. */
    public ForwardReport forward(float[] x, int batch) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray in = scope.create(FloatBuffer.wrap(x, 0, imageSize() * batch),
                    net.inputShape(batch));
            Map<String, ActivationMap> maps = new LinkedHashMap<>();
            Map<String, Double> std = new LinkedHashMap<>();
            Map<String, List<Long>> shapes = new LinkedHashMap<>();
            Map<String, Double> norms = new LinkedHashMap<>();
            NDArray logits = net.withRecorder((name, value) -> {
                std.put(name, std(value));
                shapes.put(name, shapeOf(value));
                if (name.endsWith(".branch") || name.endsWith(".shortcut")) {
                    norms.put(name, Math.sqrt(value.square().sum().getFloat()));
                }
                maps.put(name, firstImage(name, value));
            }, () -> net.forward(store, new NDList(in), false).singletonOrThrow());
            List<LayerValue> responses = new ArrayList<>();
            for (LayerInfo layer : net.analysis().layers()) {
                Double s = std.get(layer.name());
                if (s != null) {
                    responses.add(new LayerValue(layer.name(), shapes.get(layer.name()), s));
                }
            }
            List<BlockResponse> blocks = new ArrayList<>();
            for (String block : blockNames()) {
                boolean residual = std.containsKey(block + ".shortcut");
                blocks.add(new BlockResponse(block, std.get(block + ".input"),
                        std.get(block + ".branch"),
                        residual ? std.get(block + ".shortcut") : Double.NaN, std.get(block),
                        residual ? norms.get(block + ".branch") / norms.get(block + ".shortcut")
                                : Double.NaN));
            }
            Map<String, ActivationMap> layerMaps = new LinkedHashMap<>();
            for (LayerInfo layer : net.analysis().layers()) {
                ActivationMap m = maps.get(layer.name());
                if (m != null) {
                    layerMaps.put(layer.name(), m);
                }
            }
            return new ForwardReport(layerMaps, responses, blocks, logits.toFloatArray());
        }
    }

    /**
     * Training-mode forward and backward pass on {@code batch} images with their labels. The
     * batch-norm running statistics are restored afterwards, so probing never changes a model.
     */
    public GradientReport gradients(float[] x, float[] labels, int batch) {
        Map<Parameter, NDArray> saved = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            Parameter param = p.getValue();
            if (!param.requiresGradient()) {
                saved.put(param, param.getArray().duplicate());
            } else if (!param.getArray().hasGradient()) {
                param.getArray().setRequiresGradient(true);
            }
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray in = scope.create(FloatBuffer.wrap(x, 0, imageSize() * batch),
                    net.inputShape(batch));
            NDArray y = scope.create(labels, new Shape(batch));
            Map<String, NDArray> taps = new LinkedHashMap<>();
            double loss;
            try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                gc.zeroGradients();
                NDArray logits = net.withGradientTap((block, out) -> {
                    NDArray z = scope.zeros(out.getShape(), out.getDataType(), out.getDevice());
                    z.setRequiresGradient(true);
                    taps.put(block, z);
                    return out.add(z);
                }, () -> net.forward(store, new NDList(in), true).singletonOrThrow());
                NDArray l = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(y),
                        new NDList(logits));
                gc.backward(l);
                loss = l.getFloat();
            }
            List<LayerValue> blockGrads = new ArrayList<>();
            for (Map.Entry<String, NDArray> tap : taps.entrySet()) {
                try (NDArray g = tap.getValue().getGradient()) {
                    blockGrads.add(new LayerValue(tap.getKey(), shapeOf(g),
                            Math.sqrt(g.square().sum().getFloat())));
                }
            }
            return new GradientReport(loss, GradientNorms.of(net), blockGrads);
        } finally {
            saved.forEach((param, copy) -> {
                copy.copyTo(param.getArray());
                copy.close();
            });
        }
    }

    private List<String> blockNames() {
        List<String> names = new ArrayList<>();
        for (LayerInfo layer : net.analysis().layers()) {
            String owner = layer.owner();
            if (owner.startsWith("stage") && !names.contains(owner)) {
                names.add(owner);
            }
        }
        return names;
    }

    private int imageSize() {
        var in = net.spec().input();
        return in.channels() * in.height() * in.width();
    }

    private static double std(NDArray v) {
        NDArray centred = v.sub(v.mean());
        return Math.sqrt(centred.square().mean().getFloat());
    }

    private static List<Long> shapeOf(NDArray v) {
        return java.util.Arrays.stream(v.getShape().getShape()).boxed().toList();
    }

    private static ActivationMap firstImage(String name, NDArray value) {
        Shape s = value.getShape();
        float[] values = value.get(0).toFloatArray();
        int c = (int) s.get(1);
        int h = s.dimension() > 2 ? (int) s.get(2) : 1;
        int w = s.dimension() > 3 ? (int) s.get(3) : 1;
        return new ActivationMap(name, c, h, w, values);
    }
}
