package org.resnetexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.model.Presets;

/** Copies through the reused block give exactly what DJL's own copy gives. */
class HostCopyTest {

    @Test
    void copiesEqualDjlsCopiesWhateverTheSizeOrder() {
        try (NDManager m = Engines.get(null).newBaseManager(); HostCopy host = new HostCopy()) {
            NDArray big = m.randomNormal(new Shape(4, 16, 28, 28));
            NDArray small = m.randomNormal(new Shape(3, 5));
            assertArrayEquals(small.toFloatArray(), host.floats(small));
            assertArrayEquals(big.toFloatArray(), host.floats(big));
            assertArrayEquals(small.toFloatArray(), host.floats(small));
            assertArrayEquals(big.toFloatArray(), host.shared(big));
            // the shared array keeps its size; the small tensor fills its start
            assertArrayEquals(small.toFloatArray(), java.util.Arrays.copyOf(host.shared(small),
                    15));
            NDArray ints = m.arange(0, 10, 1, DataType.INT32);
            assertArrayEquals(ints.toType(DataType.FLOAT32, false).toFloatArray(),
                    host.floats(ints.toType(DataType.FLOAT32, false)));
        }
    }

    @Test
    void layerOutputsInOneDnnLayoutCopyAsDjlCopiesThem() {
        SpecNetwork net = SpecNetwork.of(Presets.get("resnet20"));
        try (NDManager m = Engines.get(null).newBaseManager(); HostCopy host = new HostCopy()) {
            net.initialize(m, DataType.FLOAT32, net.inputShape(2));
            NDArray x = m.randomNormal(net.inputShape(2));
            net.withRecorder((layer, value) -> assertArrayEquals(value.toFloatArray(),
                    host.floats(value), layer), () -> net.forward(new ParameterStore(m, false),
                    new NDList(x), false));
        }
    }
}
