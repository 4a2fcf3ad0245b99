package org.resnetexplorer.engine.train;

import java.util.Arrays;
import java.util.Properties;

/**
 * Everything that decides how a network is trained, so a run can be written down and repeated.
 * Defaults follow the paper's CIFAR recipe: SGD, momentum 0.9, weight decay 1e-4, batch 128,
 * learning rate 0.1 divided by 10 at fixed epochs, padding-and-crop plus flip augmentation.
 *
 * @param lrDropEpochs epochs (0-based, counted from the start of training) at whose start the
 *     learning rate is multiplied by {@code lrDropFactor}
 * @param limit use only the first {@code limit} training images (0 for all)
 * @param evalEvery iterations between two entries of the training history
 * @param evalImages test images used for the history's test error (the full set at epoch ends)
 */
public record TrainingRecipe(int epochs, int batchSize, float learningRate, float momentum,
        float weightDecay, int[] lrDropEpochs, float lrDropFactor, boolean augment, long seed,
        int limit, int evalEvery, int evalImages) {

    public static TrainingRecipe defaults(int epochs) {
        int[] drops = epochs >= 4 ? new int[] {epochs / 2, epochs * 3 / 4} : new int[0];
        return new TrainingRecipe(epochs, 128, 0.1f, 0.9f, 1e-4f, drops, 0.1f, true, 42L, 0, 100,
                1000);
    }

    public TrainingRecipe withBatchSize(int value) {
        return new TrainingRecipe(epochs, value, learningRate, momentum, weightDecay,
                lrDropEpochs, lrDropFactor, augment, seed, limit, evalEvery, evalImages);
    }

    public TrainingRecipe withLearningRate(float value) {
        return new TrainingRecipe(epochs, batchSize, value, momentum, weightDecay, lrDropEpochs,
                lrDropFactor, augment, seed, limit, evalEvery, evalImages);
    }

    public TrainingRecipe withLimit(int value) {
        return new TrainingRecipe(epochs, batchSize, learningRate, momentum, weightDecay,
                lrDropEpochs, lrDropFactor, augment, seed, value, evalEvery, evalImages);
    }

    public TrainingRecipe withLrDropEpochs(int... value) {
        return new TrainingRecipe(epochs, batchSize, learningRate, momentum, weightDecay, value,
                lrDropFactor, augment, seed, limit, evalEvery, evalImages);
    }

    public TrainingRecipe withAugment(boolean value) {
        return new TrainingRecipe(epochs, batchSize, learningRate, momentum, weightDecay,
                lrDropEpochs, lrDropFactor, value, seed, limit, evalEvery, evalImages);
    }

    public TrainingRecipe withSeed(long value) {
        return new TrainingRecipe(epochs, batchSize, learningRate, momentum, weightDecay,
                lrDropEpochs, lrDropFactor, augment, value, limit, evalEvery, evalImages);
    }

    public TrainingRecipe withEvalEvery(int value) {
        return new TrainingRecipe(epochs, batchSize, learningRate, momentum, weightDecay,
                lrDropEpochs, lrDropFactor, augment, seed, limit, value, evalImages);
    }

    /** Learning rate during the given (0-based) epoch. */
    public float learningRateAt(int epoch) {
        float lr = learningRate;
        for (int drop : lrDropEpochs) {
            if (epoch >= drop) {
                lr *= lrDropFactor;
            }
        }
        return lr;
    }

    public void store(Properties p) {
        p.setProperty("recipe.epochs", Integer.toString(epochs));
        p.setProperty("recipe.batch", Integer.toString(batchSize));
        p.setProperty("recipe.lr", Float.toString(learningRate));
        p.setProperty("recipe.momentum", Float.toString(momentum));
        p.setProperty("recipe.weightDecay", Float.toString(weightDecay));
        p.setProperty("recipe.lrDropEpochs", Arrays.toString(lrDropEpochs));
        p.setProperty("recipe.lrDropFactor", Float.toString(lrDropFactor));
        p.setProperty("recipe.augment", Boolean.toString(augment));
        p.setProperty("recipe.seed", Long.toString(seed));
        p.setProperty("recipe.limit", Integer.toString(limit));
    }

    @Override
    public String toString() {
        return "SGD lr " + learningRate + " (x" + lrDropFactor + " at epochs "
                + Arrays.toString(lrDropEpochs) + "), momentum " + momentum + ", weight decay "
                + weightDecay + ", batch " + batchSize + ", " + epochs + (epochs == 1 ? " epoch" : " epochs")
                + (augment ? ", pad-2 crop + flip" : "") + ", seed " + seed
                + (limit > 0 ? ", first " + limit + " images" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingRecipe r && toString().equals(r.toString())
                && evalEvery == r.evalEvery && evalImages == r.evalImages;
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
