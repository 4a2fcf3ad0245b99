package org.resnetexplorer.engine.train;

/** What a training run reports as it goes; the CLI prints it, the GUI draws it. */
public interface TrainingListener {

    /** After every iteration: {@code done} of {@code total} iterations of this run. */
    default void onIteration(int done, int total, double loss) {
    }

    /** A new history entry (every {@code evalEvery} iterations). */
    default void onMetrics(MetricsRow row) {
    }

    /** The end of an epoch, with the error on the whole test set. */
    default void onEpoch(int epoch, double trainError, double testError) {
    }

    /** Polled between iterations; true stops the run after saving what it has. */
    default boolean isCancelled() {
        return false;
    }
}
