package org.resnetexplorer.engine.train;

/**
 * One entry of a training history: the paper's Figure 6 plots these.
 *
 * @param trainLoss mean loss over the iterations since the previous entry
 * @param trainError fraction of training images misclassified since the previous entry
 * @param testError fraction of (a fixed subset of) test images misclassified now
 */
public record MetricsRow(int iteration, double epoch, double trainLoss, double trainError,
        double testError, double learningRate) {
}
