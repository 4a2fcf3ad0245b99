package org.resnetexplorer.engine.probe;

import java.util.List;

/**
 * One number per layer, the unit of every probe chart: a response's standard deviation, a
 * gradient's L2 norm, a ratio. Plain Java, so views and tests never touch NDArrays.
 *
 * @param layer the model layer's name ("stage2.block1.conv1")
 * @param shape the shape of the tensor the value was computed from, batch first
 */
public record LayerValue(String layer, List<Long> shape, double value) {
}
