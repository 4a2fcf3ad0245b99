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
import org.resnetexplorer.engine.HostCopy;
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

    /**
     * Inference-mode pass over {@code batch} prepared (normalised) images. Each layer's output
     * is copied out once and reduced in Java: MXNet's own reductions over a whole activation are
     * slower than the copy (measured: 3 ms against 2 ms for a 32x16x28x28 tensor).
     */
    public ForwardReport forward(float[] x, int batch) {
        try (NDManager scope = manager.newSubManager(); HostCopy host = new HostCopy()) {
            NDArray in = scope.create(FloatBuffer.wrap(x, 0, imageSize() * batch),
                    net.inputShape(batch));
            Map<String, double[]> moments = new LinkedHashMap<>();
            Map<String, List<Long>> shapes = new LinkedHashMap<>();
            Map<String, ActivationMap> maps = new LinkedHashMap<>();
            NDArray logits = net.withRecorder((name, value) -> {
                Shape s = value.getShape();
                float[] all = host.shared(value);
                int n = Math.toIntExact(value.size());
                double sum = 0;
                double sq = 0;
                for (int i = 0; i < n; i++) {
                    float v = all[i];
                    sum += v;
                    sq += (double) v * v;
                }
                moments.put(name, new double[] {sum, sq, n});
                shapes.put(name, java.util.Arrays.stream(s.getShape()).boxed().toList());
                int c = (int) s.get(1);
                int h = s.dimension() > 2 ? (int) s.get(2) : 1;
                int w = s.dimension() > 3 ? (int) s.get(3) : 1;
                maps.put(name, new ActivationMap(name, c, h, w,
                        java.util.Arrays.copyOf(all, c * h * w)));
            }, () -> net.forward(store, new NDList(in), false).singletonOrThrow());
            List<LayerValue> responses = new ArrayList<>();
            Map<String, ActivationMap> layerMaps = new LinkedHashMap<>();
            for (LayerInfo layer : net.analysis().layers()) {
                if (moments.containsKey(layer.name())) {
                    responses.add(new LayerValue(layer.name(), shapes.get(layer.name()),
                            std(moments.get(layer.name()))));
                    layerMaps.put(layer.name(), maps.get(layer.name()));
                }
            }
            List<BlockResponse> blocks = new ArrayList<>();
            for (String block : blockNames()) {
                double[] branch = moments.get(block + ".branch");
                double[] shortcut = moments.get(block + ".shortcut");
                boolean residual = shortcut != null;
                blocks.add(new BlockResponse(block, std(moments.get(block + ".input")),
                        std(branch), residual ? std(shortcut) : Double.NaN,
                        std(moments.get(block)),
                        residual ? Math.sqrt(branch[1]) / Math.sqrt(shortcut[1]) : Double.NaN));
            }
            return new ForwardReport(layerMaps, responses, blocks, host.floats(logits));
        }
    }

    /** L2 norm, reduced in Java for the reason given at {@link #forward}. */
    static double l2(float[] values, int n) {
        double sq = 0;
        for (int i = 0; i < n; i++) {
            sq += (double) values[i] * values[i];
        }
        return Math.sqrt(sq);
    }

    /** Standard deviation from {sum, sum of squares, count}. */
    private static double std(double[] m) {
        double mean = m[0] / m[2];
        return Math.sqrt(Math.max(0, m[1] / m[2] - mean * mean));
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
        try (NDManager scope = manager.newSubManager(); HostCopy host = new HostCopy()) {
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
                            l2(host.shared(g), Math.toIntExact(g.size()))));
                }
            }
            return new GradientReport(loss, GradientNorms.of(net, host), blockGrads);
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

    private static List<Long> shapeOf(NDArray v) {
        return java.util.Arrays.stream(v.getShape().getShape()).boxed().toList();
    }

}
