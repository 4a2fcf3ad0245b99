package org.resnetexplorer.engine;

import ai.djl.mxnet.engine.MxNDManager;
import ai.djl.mxnet.engine.MxSymbolBlock;
import ai.djl.mxnet.engine.Symbol;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inference of a loaded {@link SpecNetwork} as one MXNet symbolic graph, run by MXNet's CachedOp
 * after oneDNN's subgraph pass has fused each convolution with its batch norm, ReLU and residual
 * sum: the imperative network runs those as separate operators, each converting its operands
 * between oneDNN's blocked layout and the plain one. The graph reads the network's own weight
 * arrays (no copy), so it must not outlive them, and it is for weights that no longer change:
 * oneDNN folds the batch norms into the convolution weights once, at the first run. Probes and
 * training keep the imperative network, which has per-layer outputs and gradients.
 */
public final class FusedInference {

    /** {@code -Dresnet.fused=false} runs inference through the imperative network instead. */
    public static final String SWITCH = "resnet.fused";

    /** MXNet 1.9's name for its oneDNN subgraph backend. */
    private static final String BACKEND = "MKLDNN";

    private FusedInference() {
    }

    /**
     * True when the switch is on and the network's engine can run the graph: MXNet on the CPU
     * (oneDNN is a CPU library; a GPU keeps the imperative network, untested here).
     */
    public static boolean available(NDManager manager) {
        return Boolean.parseBoolean(System.getProperty(SWITCH, "true"))
                && manager instanceof MxNDManager && !manager.getDevice().isGpu();
    }

    /**
     * The graph of {@code net}, whose parameters must be initialised or loaded, as a block that
     * takes (N, C, H, W) and gives the logits; empty where {@link #available} is false. Its
     * native parts live in a sub-manager of {@code manager}, closed with it.
     */
    public static Optional<Block> of(SpecNetwork net, NDManager manager) {
        if (!available(manager)) {
            return Optional.empty();
        }
        SymbolGraph graph = SymbolGraph.of(net.analysis());
        MxNDManager owner = (MxNDManager) manager.newSubManager();
        try {
            Symbol symbol = Symbol.loadJson(owner, graph.json());
            // partitioned before the block is made so that the block's input order is the
            // partitioned graph's
            Symbol fused = symbol.optimizeFor(BACKEND, manager.getDevice());
            symbol.close();
            MxSymbolBlock block = new MxSymbolBlock(owner, fused);
            bind(block, graph.parameters(), net);
            return Optional.of(block);
        } catch (RuntimeException e) {
            owner.close();
            throw e;
        }
    }

    private static void bind(MxSymbolBlock block, Map<String, SymbolGraph.Input> inputs,
            SpecNetwork net) {
        for (Parameter p : block.getAllParameters()) {
            SymbolGraph.Input in = inputs.get(p.getName());
            if (in != null) {
                NDArray array = weight(net, in);
                String name = array.getName();
                p.setArray(array);
                array.setName(name); // setArray renames the array the imperative network shares
            } else if (!p.getName().equals("data")) {
                throw new IllegalStateException("graph input " + p.getName() + " has no weight");
            }
        }
        block.setInputNames(List.of("data"));
    }

    private static NDArray weight(SpecNetwork net, SymbolGraph.Input in) {
        Parameter p = net.layerBlock(in.layer()).getParameters().get(in.parameter());
        if (p == null || !p.isInitialized()) {
            throw new IllegalStateException(in.layer() + " has no initialised " + in.parameter());
        }
        return p.getArray();
    }
}
