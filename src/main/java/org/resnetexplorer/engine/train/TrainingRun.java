package org.resnetexplorer.engine.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.engine.data.ImageDataset;
import org.resnetexplorer.model.NetworkSpec;

/**
 * Trains one network to the end of its recipe (or until cancelled), saving the model folder
 * after every epoch so that a long run can be resumed where it stopped.
 */
public final class TrainingRun {

    private final NetworkSpec spec;
    private final ImageDataset train;
    private final ImageDataset test;
    private final TrainingRecipe recipe;
    private final Preprocessing preprocessing;
    private final Engine engine;
    private final Device device;

    public TrainingRun(NetworkSpec spec, ImageDataset train, ImageDataset test,
            TrainingRecipe recipe, Preprocessing preprocessing, Engine engine, Device device) {
        this.spec = spec;
        this.train = train;
        this.test = test;
        this.recipe = recipe;
        this.preprocessing = preprocessing;
        this.engine = engine;
        this.device = device;
    }

    /** What a finished (or cancelled) run reached. */
    public record Result(int epochsDone, double trainError, double testError,
            List<MetricsRow> history, boolean cancelled) {
    }

    /**
     * Runs the recipe, saving into {@code out} after each epoch when it is not null.
     *
     * @param resume a model folder of an earlier run of the same recipe to continue, or null
     */
    public Result run(TrainingListener listener, Path out, Path resume)
            throws IOException, MalformedModelException {
        try (TrainingSession session = new TrainingSession(spec, train, test, recipe,
                preprocessing, engine, device, out, resume, 0)) {
            while (session.hasNext()) {
                if (listener.isCancelled()) {
                    return new Result(session.iteration() / session.iterationsPerEpoch(),
                            session.lastTrainError(), session.lastTestError(), session.history(),
                            true);
                }
                session.step(listener);
            }
            return new Result(recipe.epochs(), session.lastTrainError(), session.lastTestError(),
                    session.history(), false);
        }
    }
}
