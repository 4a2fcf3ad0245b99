package org.resnetexplorer.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.Engines;
import org.resnetexplorer.engine.SpecNetwork;
import org.resnetexplorer.model.InputShape;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;

/** {@link SgdStep} must train exactly as DJL's own {@code Trainer.step()} with its Sgd. */
class SgdStepTest {

    static final int BATCH = 16;
    static final int STEPS = 6;
    // a schedule that changes at every update, so a wrong update count shows
    static final Tracker LR = update -> 0.05f / update;
    static final float MOMENTUM = 0.9f;
    static final float WEIGHT_DECAY = 1e-3f;

    @Test
    void groupedUpdateMatchesDjlsSgd() {
        // ResNet-20 fits one call (59 tensors); ResNet-32 needs two (95)
        for (String preset : new String[] {"resnet20", "resnet32"}) {
            sameAsDjl(Presets.get(preset).withInput(new InputShape(1, 28, 28)));
        }
    }

    private static void sameAsDjl(NetworkSpec spec) {
        Engine engine = Engines.get("MXNet");
        List<float[]> djl = train(spec, engine, false);
        List<float[]> ours = train(spec, engine, true);
        assertEquals(djl.size(), ours.size());
        for (int p = 0; p < djl.size(); p++) {
            float[] a = djl.get(p);
            float[] b = ours.get(p);
            double scale = 1e-6;
            for (float v : a) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < a.length; i++) {
                // the same kernel arithmetic: a weight decay 20 % off moves weights by ~1e-4
                assertTrue(Math.abs(a[i] - b[i]) <= 1e-6 * scale, spec.name() + " parameter "
                        + p + " element " + i + ": " + a[i] + " vs " + b[i]);
            }
        }
    }

    /** Every parameter (running statistics included) after {@link #STEPS} steps. */
    private static List<float[]> train(NetworkSpec spec, Engine engine, boolean grouped) {
        engine.setRandomSeed(7);
        SpecNetwork net = SpecNetwork.of(spec);
        Shape shape = net.inputShape(BATCH);
        Random random = new Random(3);
        try (Model model = Model.newInstance(spec.name(), Device.cpu(), engine.getEngineName());
                Trainer trainer = newTrainer(model, net, shape);
                SgdStep update = SgdStep.of(trainer, LR, MOMENTUM, WEIGHT_DECAY)) {
            assertEquals(true, update.grouped());
            for (int s = 0; s < STEPS; s++) {
                float[] x = new float[(int) shape.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) random.nextGaussian();
                }
                float[] y = new float[BATCH];
                for (int i = 0; i < BATCH; i++) {
                    y[i] = random.nextInt(spec.numClasses());
                }
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    NDArray data = scope.create(FloatBuffer.wrap(x), shape);
                    NDArray labels = scope.create(y);
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(data)).singletonOrThrow();
                        gc.backward(trainer.getLoss().evaluate(new NDList(labels),
                                new NDList(logits)));
                    }
                    if (grouped) {
                        update.step();
                    } else {
                        trainer.step();
                    }
                }
            }
            List<float[]> values = new ArrayList<>();
            for (Pair<String, Parameter> p : net.getParameters()) {
                values.add(p.getValue().getArray().toFloatArray());
            }
            return values;
        }
    }

    private static Trainer newTrainer(Model model, SpecNetwork net, Shape shape) {
        model.setBlock(net);
        Trainer trainer = model.newTrainer(TrainingSession.config(LR, MOMENTUM, WEIGHT_DECAY,
                Device.cpu()));
        trainer.initialize(shape);
        return trainer;
    }
}
