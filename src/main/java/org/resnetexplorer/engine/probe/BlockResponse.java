package org.resnetexplorer.engine.probe;

/**
 * What one block does to its input, as standard deviations over the batch: the input x, the
 * residual branch F(x), the shortcut's output and the block's output. In the plain twin there
 * is no shortcut: {@code shortcutStd} and {@code ratio} are NaN.
 *
 * @param ratio |F(x)| / |shortcut(x)|, L2 norms over the batch: small when the block only
 *     nudges its input, the paper's explanation of why deep ResNets train
 */
public record BlockResponse(String block, double inputStd, double branchStd, double shortcutStd,
        double outputStd, double ratio) {
}
