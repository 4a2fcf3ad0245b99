package org.resnetexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetexplorer.model.InputShape;
import org.resnetexplorer.model.LayerInfo;
import org.resnetexplorer.model.NetworkAnalysis;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;

/** The engine builds exactly the network the model layer describes. */
class SpecNetworkTest {

    static List<String> everyPreset() {
        return Presets.names();
    }

    @ParameterizedTest
    @MethodSource("everyPreset")
    void djlParameterCountEqualsTheArithmetic(String name) {
        for (NetworkSpec spec : List.of(Presets.get(name), Presets.get(name).plainTwin())) {
            SpecNetwork net = SpecNetwork.of(spec);
            try (NDManager m = Engines.get(null).newBaseManager()) {
                net.setInitializer(new NormalInitializer(0.01f), Parameter.Type.WEIGHT);
                net.initialize(m, DataType.FLOAT32, net.inputShape(1));
                long trainable = 0;
                for (Pair<String, Parameter> p : net.getParameters()) {
                    if (p.getValue().requiresGradient()) {
                        trainable += p.getValue().getArray().size();
                    }
                }
                assertEquals(NetworkAnalysis.of(spec).params(), trainable, spec.name());
                assertEquals(new Shape(1, spec.numClasses()),
                        net.getOutputShapes(new Shape[] {net.inputShape(1)})[0]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet20", "plain-resnet20", "preact-resnet20", "resnet18",
        "resnet50", "plain-resnet50"})
    void everyLayerOutputHasTheComputedShape(String name) {
        NetworkSpec spec = Presets.get(name);
        if (spec.input().height() > 64) {
            spec = spec.withInput(new InputShape(3, 64, 64));
        }
        NetworkAnalysis analysis = NetworkAnalysis.of(spec);
        SpecNetwork net = SpecNetwork.of(spec);
        try (NDManager m = Engines.get(null).newBaseManager()) {
            net.initialize(m, DataType.FLOAT32, net.inputShape(2));
            Map<String, Shape> seen = new LinkedHashMap<>();
            NDArray x = m.randomNormal(net.inputShape(2));
            NDList out = net.withRecorder((layer, value) -> seen.put(layer, value.getShape()),
                    () -> net.forward(new ParameterStore(m, false), new NDList(x), false));
            assertEquals(new Shape(2, spec.numClasses()), out.singletonOrThrow().getShape());
            for (LayerInfo layer : analysis.layers()) {
                Shape shape = seen.get(layer.name());
                assertEquals(layer.outShape().asList(), shape == null ? null
                        : List.of((int) shape.get(1), (int) (shape.dimension() > 2 ? shape.get(2)
                                : 1), (int) (shape.dimension() > 2 ? shape.get(3) : 1)),
                        layer.name());
            }
        }
    }
}
