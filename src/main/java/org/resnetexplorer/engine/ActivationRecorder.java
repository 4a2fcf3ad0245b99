package org.resnetexplorer.engine;

import ai.djl.ndarray.NDArray;

/**
 * Receives the output of every named layer during a forward pass. DJL has no forward hooks, so
 * the network's own blocks call this when a probe has set one.
 */
@FunctionalInterface
public interface ActivationRecorder {

    /**
     * @param name the layer's name as the model layer gives it ("stage1.block2.conv1"), or a
     *     block's "input", "branch", "shortcut" and "add" tensors for shortcut probes
     * @param value the output; valid only during the call unless the recorder keeps it attached
     */
    void record(String name, NDArray value);
}
