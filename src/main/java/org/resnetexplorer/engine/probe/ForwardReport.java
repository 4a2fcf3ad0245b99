package org.resnetexplorer.engine.probe;

import java.util.List;
import java.util.Map;

/**
 * Everything one forward pass shows: each layer's output for the first image (feature maps), the
 * standard deviation of each layer's output over the batch (layer responses, the paper's
 * Figure 7 uses those of the batch-norm layers), and each block's shortcut statistics.
 */
public record ForwardReport(Map<String, ActivationMap> activations, List<LayerValue> responses,
        List<BlockResponse> blocks, float[] logits) {
}
