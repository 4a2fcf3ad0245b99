package org.resnetexplorer.app.train;

import org.resnetexplorer.engine.train.TrainingRecipe;

/**
 * What the teacher sets before a comparison run: iterations for each network, batch size,
 * learning rate and how many training images to use (0: all). The rest is the paper's recipe.
 */
public record TrainSettings(int steps, int batch, float learningRate, int limit) {

    /** Test images behind each curve point; the full test set is used at epoch ends. */
    static final int EVAL_IMAGES = 500;

    /** A reason the settings cannot run, or null when they can. */
    public String problem() {
        if (steps < 1) {
            return "Steps must be at least 1.";
        }
        if (batch < 1) {
            return "The batch must hold at least one image.";
        }
        if (!(learningRate > 0) || learningRate > 10) {
            return "The learning rate must be above 0 (0.1 is the paper's).";
        }
        if (limit < 0) {
            return "Training images must be 0 (all) or more.";
        }
        if (limit > 0 && limit < batch) {
            return "Use at least as many training images as the batch holds.";
        }
        return null;
    }

    /** The recipe for {@code trainImages} images: enough epochs to run {@code steps}. */
    public TrainingRecipe recipe(int trainImages) {
        int images = limit > 0 ? Math.min(limit, trainImages) : trainImages;
        int perEpoch = Math.max(1, images / batch);
        int epochs = (steps + perEpoch - 1) / perEpoch;
        TrainingRecipe d = TrainingRecipe.defaults(epochs);
        return new TrainingRecipe(epochs, batch, learningRate, d.momentum(), d.weightDecay(),
                new int[0], d.lrDropFactor(), d.augment(), d.seed(), limit, evalEvery(),
                EVAL_IMAGES);
    }

    /** About 30 points per curve. */
    public int evalEvery() {
        return Math.max(1, steps / 30);
    }

    /** Five gradient snapshots, plus the first iteration's. */
    public int gradientEvery() {
        return Math.max(1, steps / 5);
    }
}
