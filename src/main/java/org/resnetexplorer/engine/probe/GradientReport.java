package org.resnetexplorer.engine.probe;

import java.util.List;

/**
 * One forward and backward pass: the loss, the L2 norm of every weighted layer's weight
 * gradient (first layer first), and the norm of the gradient that reaches each block's output.
 */
public record GradientReport(double loss, List<LayerValue> weightGradients,
        List<LayerValue> blockGradients) {
}
