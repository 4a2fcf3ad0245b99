package org.resnetexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The presets must count exactly what torchvision and the paper count. */
class PresetArithmeticTest {

    @ParameterizedTest(name = "{0}: {1} parameters, {2} GMACs")
    @CsvSource({
        "resnet18, 11689512, 1.814",
        "resnet34, 21797672, 3.664",
        "resnet50, 25557032, 4.089",
        "resnet101, 44549160, 7.801",
        "resnet152, 60192808, 11.514"})
    void imagenetPresetsMatchTorchvision(String name, long params, double gmacs) {
        NetworkAnalysis a = NetworkAnalysis.of(Presets.get(name));
        assertEquals(params, a.params());
        assertEquals(gmacs, a.macs() / 1e9, gmacs * 0.005);
        assertEquals(List.of(1000, 1, 1), a.outputShape().asList());
    }

    @ParameterizedTest(name = "{0} v1 (stride in first 1x1): {1} GMACs")
    @CsvSource({"resnet50, 3.858", "resnet101, 7.570", "resnet152, 11.282"})
    void paperV1BottleneckChangesMacsNotParameters(String name, double gmacs) {
        NetworkSpec v15 = Presets.get(name);
        NetworkSpec v1 = v15.mapBlocks(b -> b.withStrideIn3x3(false));
        NetworkAnalysis a = NetworkAnalysis.of(v1);
        assertEquals(gmacs, a.macs() / 1e9, gmacs * 0.005);
        assertEquals(NetworkAnalysis.of(v15).params(), a.params());
    }

    @ParameterizedTest(name = "{0}: {1} parameters, depth {2}")
    @CsvSource({
        "resnet20, 269722, 20",
        "resnet32, 464154, 32",
        "resnet44, 658586, 44",
        "resnet56, 853018, 56",
        "resnet110, 1727962, 110"})
    void cifarPresetsMatchThePaper(String name, long params, int depth) {
        NetworkSpec spec = Presets.get(name);
        NetworkAnalysis a = NetworkAnalysis.of(spec);
        assertEquals(params, a.params());
        assertEquals(depth, a.depth());
        assertEquals(List.of(10, 1, 1), a.outputShape().asList());
        // option A shortcuts carry no weights, so the plain twin counts the same
        NetworkAnalysis plain = NetworkAnalysis.of(spec.plainTwin());
        assertEquals(params, plain.params());
        assertEquals(a.macs(), plain.macs());
        assertTrue(plain.layers().stream().noneMatch(l -> l.type().equals("add")));
    }

    @Test
    void resnet20ShapesOnFashionMnist() {
        NetworkSpec spec = Presets.get("resnet20").withInput(new InputShape(1, 28, 28));
        NetworkAnalysis a = NetworkAnalysis.of(spec);
        assertEquals(List.of(16, 28, 28), a.layer("stage1.block3.relu").outShape().asList());
        assertEquals(List.of(32, 14, 14), a.layer("stage2.block1.relu").outShape().asList());
        assertEquals(List.of(64, 7, 7), a.layer("stage3.block3.relu").outShape().asList());
        assertEquals(269722 - 2 * 16 * 9, a.params());
    }

    @Test
    void everyPresetAndItsVariantsAreValid() {
        for (String name : Presets.names()) {
            NetworkSpec spec = Presets.get(name);
            assertEquals(List.of(), SpecValidator.validate(spec), name);
            assertEquals(List.of(), SpecValidator.validate(spec.plainTwin()), name);
        }
        // pre-activation adds one BN per block (on the input side) and one in the head
        NetworkAnalysis pre = NetworkAnalysis.of(Presets.get("preact-resnet20"));
        assertEquals(20, pre.depth());
    }

    @Test
    void projectionTwinOfOptionBDropsProjectionWeights() {
        NetworkAnalysis r18 = NetworkAnalysis.of(Presets.get("resnet18"));
        NetworkAnalysis p18 = NetworkAnalysis.of(Presets.get("plain-resnet18"));
        long projections = r18.layers().stream().filter(l -> l.name().contains(".shortcut."))
                .mapToLong(LayerInfo::params).sum();
        assertEquals(r18.params() - projections, p18.params());
        assertEquals("plain-resnet18", p18.spec().name());
    }
}
