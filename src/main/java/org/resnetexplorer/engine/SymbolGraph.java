package org.resnetexplorer.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetexplorer.model.LayerInfo;
import org.resnetexplorer.model.NetworkAnalysis;

/**
 * The MXNet symbol JSON of a spec's network, written from the model layer's own layer list, so
 * that it computes what {@link SpecNetwork} computes (the tests compare their logits). Each
 * weight is a graph input named {@code <layer>_<djl parameter name>}, e.g.
 * {@code stage2.block1.conv1_weight}; {@link #parameters()} says which DJL parameter feeds it.
 */
final class SymbolGraph {

    /**
     * The version the bundled MXNet 1.9.1 library reports (10900): an older one would make the
     * loader upgrade the graph from a legacy format, a newer one logs a warning.
     */
    private static final int MXNET_VERSION = 10900;

    private final JsonArray nodes = new JsonArray();
    private final JsonArray argNodes = new JsonArray();
    private final Map<String, Input> parameters = new LinkedHashMap<>();

    /** A DJL parameter ({@code weight}, {@code runningMean}, ...) of a named layer. */
    record Input(String layer, String parameter) {
    }

    private SymbolGraph() {
    }

    /** The graph of a valid spec's analysis, with {@code data} as its one data input. */
    static SymbolGraph of(NetworkAnalysis analysis) {
        SymbolGraph g = new SymbolGraph();
        int current = g.variable("data");
        int channels = analysis.spec().input().channels();
        int shortcut = current;
        int blockChannels = channels;
        String owner = null;
        for (LayerInfo l : analysis.layers()) {
            if (!l.owner().equals(owner)) {
                owner = l.owner();
                shortcut = current;
                blockChannels = channels;
            }
            if (l.onShortcut()) {
                shortcut = g.layer(l, shortcut, blockChannels);
            } else if (l.type().equals("add")) {
                // elemwise_add is what oneDNN's subgraph pass fuses into the convolution as a sum
                current = g.op("elemwise_add", l.name(), new JsonObject(), current, shortcut);
            } else {
                current = g.layer(l, current, channels);
                channels = l.outShape().channels();
            }
        }
        return g;
    }

    /** Graph input name to the DJL parameter it is bound to, in graph order. */
    Map<String, Input> parameters() {
        return parameters;
    }

    String json() {
        JsonObject root = new JsonObject();
        root.add("nodes", nodes);
        root.add("arg_nodes", argNodes);
        JsonArray heads = new JsonArray();
        heads.add(entry(nodes.size() - 1, 0));
        root.add("heads", heads);
        JsonObject attrs = new JsonObject();
        JsonArray version = new JsonArray();
        version.add("int");
        version.add(MXNET_VERSION);
        attrs.add("mxnet_version", version);
        root.add("attrs", attrs);
        return root.toString();
    }

    /** Kernel, stride and padding as {@link SpecNetwork} builds each layer type. */
    private int layer(LayerInfo l, int in, int inChannels) {
        int k = l.kernel();
        String name = l.name();
        return switch (l.type()) {
            case "conv" -> op("Convolution", name, attrs("kernel", pair(k), "stride",
                    pair(l.stride()), "pad", pair(k / 2), "num_filter",
                    Integer.toString(l.outShape().channels()), "no_bias", "True"),
                    in, weight(name, "weight"));
            case "batchnorm" -> op("BatchNorm", name, attrs("eps", "1e-05", "fix_gamma", "False",
                    "momentum", "0.9", "axis", "1"), in, weight(name, "gamma"),
                    weight(name, "beta"), weight(name, "runningMean"),
                    weight(name, "runningVar"));
            case "relu" -> op("Activation", name, attrs("act_type", "relu"), in);
            case "maxpool" -> op("Pooling", name, attrs("pool_type", "max", "kernel", pair(k),
                    "stride", pair(l.stride()), "pad", pair(k / 2), "pooling_convention",
                    "valid"), in);
            case "avgpool" -> op("Pooling", name, attrs("pool_type", "avg", "global_pool",
                    "True", "kernel", pair(1)), in);
            case "fc" -> op("FullyConnected", name, attrs("num_hidden",
                    Integer.toString(l.outShape().channels()), "flatten", "True"), in,
                    weight(name, "weight"), weight(name, "bias"));
            case "zeropad" -> zeroPad(l, in, inChannels);
            default -> throw new IllegalArgumentException("no graph node for type " + l.type());
        };
    }

    /**
     * Option A: every stride-th pixel (a 1x1 pool with that stride picks exactly those), then
     * zero channels appended (zeros shaped like the input, cut or repeated to the count missing).
     */
    private int zeroPad(LayerInfo l, int in, int inChannels) {
        int x = l.stride() > 1 ? op("Pooling", l.name() + "_subsample", attrs("pool_type", "max",
                "kernel", pair(1), "stride", pair(l.stride()), "pad", pair(0)), in) : in;
        int missing = l.outShape().channels() - inChannels;
        if (missing <= 0) {
            return x;
        }
        int zeros = op("zeros_like", l.name() + "_zeros", new JsonObject(), x);
        List<Integer> parts = new ArrayList<>(List.of(x));
        for (int have = 0; have < missing; have += inChannels) {
            int take = Math.min(inChannels, missing - have);
            parts.add(take == inChannels ? zeros : op("slice_axis", l.name() + "_zeros" + have,
                    attrs("axis", "1", "begin", "0", "end", Integer.toString(take)), zeros));
        }
        return op("Concat", l.name(), attrs("dim", "1", "num_args",
                Integer.toString(parts.size())), parts.stream().mapToInt(Integer::intValue)
                .toArray());
    }

    private int variable(String name) {
        JsonObject node = new JsonObject();
        node.addProperty("op", "null");
        node.addProperty("name", name);
        node.add("inputs", new JsonArray());
        argNodes.add(nodes.size());
        nodes.add(node);
        return nodes.size() - 1;
    }

    private int weight(String layer, String parameter) {
        String name = layer + "_" + parameter;
        parameters.put(name, new Input(layer, parameter));
        return variable(name);
    }

    private int op(String op, String name, JsonObject attrs, int... inputs) {
        JsonObject node = new JsonObject();
        node.addProperty("op", op);
        node.addProperty("name", name);
        if (attrs.size() > 0) {
            node.add("attrs", attrs);
        }
        JsonArray in = new JsonArray();
        for (int i : inputs) {
            in.add(entry(i, 0));
        }
        node.add("inputs", in);
        nodes.add(node);
        return nodes.size() - 1;
    }

    private static JsonArray entry(int node, int output) {
        JsonArray e = new JsonArray();
        e.add(node);
        e.add(output);
        e.add(0);
        return e;
    }

    private static JsonObject attrs(String... keyValues) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < keyValues.length; i += 2) {
            o.addProperty(keyValues[i], keyValues[i + 1]);
        }
        return o;
    }

    private static String pair(int v) {
        return "(" + v + ", " + v + ")";
    }
}
