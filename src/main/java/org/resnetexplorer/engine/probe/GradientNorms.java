package org.resnetexplorer.engine.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetexplorer.engine.HostCopy;
import org.resnetexplorer.engine.SpecNetwork;
import org.resnetexplorer.model.LayerInfo;

/**
 * L2 norms of the weight gradients of every weighted layer (convolutions and the fully-connected
 * layer, shortcut projections included), first layer first. Read after backward and before the
 * optimiser's step, which would consume them.
 */
public final class GradientNorms {

    private GradientNorms() {
    }

    public static List<LayerValue> of(SpecNetwork net) {
        try (HostCopy host = new HostCopy()) {
            return of(net, host);
        }
    }

    /** The same, copying through {@code host}'s reused block (see {@link HostCopy}). */
    static List<LayerValue> of(SpecNetwork net, HostCopy host) {
        Map<String, Parameter> weights = weightsByLayer(net);
        List<LayerValue> values = new ArrayList<>();
        for (LayerInfo layer : net.analysis().layers()) {
            Parameter p = weights.get(layer.name());
            if (p == null || !p.isInitialized()) {
                continue;
            }
            try (NDArray grad = p.getArray().getGradient()) {
                values.add(new LayerValue(layer.name(),
                        java.util.Arrays.stream(grad.getShape().getShape()).boxed().toList(),
                        NetworkProbe.l2(host.shared(grad), Math.toIntExact(grad.size()))));
            }
        }
        return values;
    }

    /** The weight parameter of each conv and fc layer, keyed by the model layer's name. */
    static Map<String, Parameter> weightsByLayer(SpecNetwork net) {
        Map<String, Parameter> result = new LinkedHashMap<>();
        for (LayerInfo layer : net.analysis().layers()) {
            if (layer.type().equals("conv") || layer.type().equals("fc")) {
                result.put(layer.name(), net.layerBlock(layer.name()).getParameters()
                        .get("weight"));
            }
        }
        return result;
    }
}
