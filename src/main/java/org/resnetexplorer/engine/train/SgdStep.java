package org.resnetexplorer.engine.train;

import ai.djl.engine.EngineException;
import ai.djl.mxnet.engine.MxNDArray;
import ai.djl.mxnet.jna.LibUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The weight update of one training iteration: SGD with momentum and weight decay, the same rule
 * and the same learning-rate schedule as DJL's {@code Sgd} optimizer that
 * {@link TrainingSession#config} gives the trainer.
 *
 * <p>Why not {@link Trainer#step()} on MXNet: there DJL pushes every parameter on its own through
 * an MXNet KVStore (59 for ResNet-20), which waits for that gradient, calls back into Java for
 * one {@code sgd_mom_update} and copies the KVStore's own copy of the weight back. MXNet's
 * profiler showed the engine idle between those calls: about 20 ms of a 230 ms ResNet-20 step
 * (batch 128, 2 cores), against 1-2 ms for PyTorch's whole optimizer step. Here all parameters
 * are updated in place by MXNet's {@code multi_sgd_mom_update}, one asynchronous call per
 * {@value #MAX_PER_CALL} tensors, with no KVStore and no callback. On other engines this
 * delegates to {@link Trainer#step()}.
 *
 * <p>The momentum buffers live here, not in DJL's optimizer: use one {@code SgdStep} for every
 * iteration of a trainer and never mix it with {@code trainer.step()}. Close it with the trainer.
 */
public final class SgdStep implements AutoCloseable {

    /** MXNet 1.9's {@code MultiSGDKernelParam::N}: the most tensors one call may update. */
    static final int MAX_PER_CALL = 60;

    private final Trainer trainer;
    private final Tracker learningRate;
    private final float momentum;
    private final float weightDecay;
    private boolean grouped;
    private NDManager states;
    private List<String> ids;
    private NDList weights;
    private NDList gradients;
    private NDList momenta;
    private int updates;

    private SgdStep(Trainer trainer, Tracker learningRate, float momentum, float weightDecay,
            boolean grouped) {
        this.trainer = trainer;
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.grouped = grouped;
    }

    /**
     * The update for {@code trainer}, whose configuration must be
     * {@code TrainingSession.config(learningRate, momentum, weightDecay, device)}.
     */
    public static SgdStep of(Trainer trainer, Tracker learningRate, float momentum,
            float weightDecay) {
        boolean mxnet = "MXNet".equals(trainer.getManager().getEngine().getEngineName());
        // a momentum of 0 would need multi_sgd_update instead; nothing here trains without it
        // one device only: with several, the trainer's forward reads per-device copies
        boolean oneDevice = trainer.getDevices().length == 1;
        return new SgdStep(trainer, learningRate, momentum, weightDecay,
                mxnet && oneDevice && momentum != 0f);
    }

    /** Whether this runs MXNet's multi-tensor update (false: it calls {@code trainer.step()}). */
    public boolean grouped() {
        return grouped;
    }

    /** Applies the gradients of the last backward pass to the weights. */
    public void step() {
        if (!grouped) {
            trainer.step();
            return;
        }
        if (weights == null && !collect()) {
            grouped = false; // weights elsewhere than the trainer's device: DJL's own step
            trainer.step();
            return;
        }
        updates++;
        for (int from = 0; from < weights.size(); from += MAX_PER_CALL) {
            int to = Math.min(weights.size(), from + MAX_PER_CALL);
            NDArray[] inputs = new NDArray[(to - from) * 3];
            NDArray[] outputs = new NDArray[to - from];
            float[] lrs = new float[to - from];
            float[] wds = new float[to - from];
            for (int i = from; i < to; i++) {
                int k = i - from;
                inputs[3 * k] = weights.get(i);
                inputs[3 * k + 1] = gradients.get(i);
                inputs[3 * k + 2] = momenta.get(i);
                outputs[k] = weights.get(i);
                // DJL's Sgd asks the tracker per parameter, with the count of updates so far
                lrs[i - from] = learningRate.getNewValue(ids.get(i), updates);
                wds[i - from] = weightDecay;
            }
            String[] keys = {"lrs", "wds", "momentum", "rescale_grad", "clip_gradient",
                "num_weights"};
            String[] values = {tuple(lrs), tuple(wds), String.valueOf(momentum), "1.0", "-1.0",
                String.valueOf(to - from)};
            MultiUpdate.invoke(inputs, outputs, keys, values);
        }
    }

    /**
     * The trainable parameters' own arrays (the ones the trainer's forward passes read on a
     * single device), their gradient buffers (written, not added to, by each backward pass) and
     * zeroed momentum buffers, as DJL's optimizer starts them; false (nothing kept) when a
     * weight lives elsewhere than the trainer's device, where the forward reads a copy.
     */
    private boolean collect() {
        states = trainer.getManager().newSubManager();
        ids = new ArrayList<>();
        weights = new NDList();
        gradients = new NDList();
        momenta = new NDList();
        for (Pair<String, Parameter> pair : trainer.getModel().getBlock().getParameters()) {
            Parameter parameter = pair.getValue();
            if (!parameter.requiresGradient()) {
                continue;
            }
            NDArray weight = parameter.getArray();
            if (!weight.getDevice().equals(trainer.getDevices()[0])) {
                close();
                weights = null;
                return false;
            }
            NDArray gradient = weight.getGradient();
            gradient.attach(states);
            NDArray state = weight.zerosLike();
            state.attach(states);
            ids.add(parameter.getId());
            weights.add(weight);
            gradients.add(gradient);
            momenta.add(state);
        }
        return true;
    }

    private static String tuple(float[] values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            sb.append(i > 0 ? ", " : "").append(values[i]);
        }
        return sb.append(values.length == 1 ? ",)" : ")").toString();
    }

    /**
     * MXNet's {@code multi_sgd_mom_update}, called directly: DJL's {@code NDManager.invoke} with
     * given outputs always tells MXNet there is one output (DJL 0.36's {@code imperativeInvoke}),
     * and this operator has one per weight. The library is the one DJL has loaded: opening the
     * same path again gives the same handle.
     */
    private static final class MultiUpdate {

        interface Mx extends Library {
            int NNGetOpHandle(String name, PointerByReference out);

            int MXImperativeInvokeEx(Pointer op, int numInputs, Pointer[] inputs,
                    IntByReference numOutputs, PointerByReference outputs, int numParams,
                    String[] keys, String[] values, PointerByReference outStorageTypes);

            String MXGetLastError();
        }

        private static final Mx MX = Native.load(LibUtils.getLibName(), Mx.class,
                Map.of(Library.OPTION_OPEN_FLAGS, 1));
        private static final Pointer OP = opHandle();

        private static Pointer opHandle() {
            PointerByReference ref = new PointerByReference();
            check(MX.NNGetOpHandle("multi_sgd_mom_update", ref));
            return ref.getValue();
        }

        static void invoke(NDArray[] inputs, NDArray[] outputs, String[] keys, String[] values) {
            Pointer[] in = new Pointer[inputs.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = ((MxNDArray) inputs[i]).getHandle();
            }
            try (Memory out = new Memory((long) outputs.length * Native.POINTER_SIZE)) {
                for (int i = 0; i < outputs.length; i++) {
                    out.setPointer((long) i * Native.POINTER_SIZE,
                            ((MxNDArray) outputs[i]).getHandle());
                }
                check(MX.MXImperativeInvokeEx(OP, in.length, in,
                        new IntByReference(outputs.length), new PointerByReference(out),
                        keys.length, keys, values, new PointerByReference()));
            }
        }

        private static void check(int code) {
            if (code != 0) {
                throw new EngineException("MXNet multi_sgd_mom_update failed: "
                        + MX.MXGetLastError());
            }
        }
    }

    @Override
    public void close() {
        if (states != null) {
            states.close();
            states = null;
        }
    }
}
