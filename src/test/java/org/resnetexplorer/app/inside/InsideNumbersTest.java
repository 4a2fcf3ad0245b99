package org.resnetexplorer.app.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.probe.ActivationMap;
import org.resnetexplorer.engine.probe.GradientReport;
import org.resnetexplorer.engine.probe.LayerValue;

/** The probe views' numbers and words, without a scene or an engine. */
class InsideNumbersTest {

    private static LayerValue v(String layer, double value) {
        return new LayerValue(layer, List.of(), value);
    }

    private static GradientResult gradients(boolean twinTrained) {
        GradientReport resnet = new GradientReport(2.3, List.of(v("stem.conv", 0.2),
                v("stage1.block1.conv1", 0.1), v("stage2.block1.shortcut.conv", 9),
                v("head.fc", 0.05)), List.of(v("stage1.block1", 0.12), v("stage1.block2", 0.011)));
        GradientReport plain = new GradientReport(2.3, List.of(v("stem.conv", 300),
                v("stage1.block1.conv1", 20), v("head.fc", 0.05)),
                List.of(v("stage1.block1", 450), v("stage1.block2", 0.125)));
        return new GradientResult("resnet20-fashion", true, twinTrained, "32 test images", 32,
                resnet, plain);
    }

    @Test
    void gradientSentenceSaysByHowMuchAndWhichWay() {
        String text = GradientsViewModel.ratioText(gradients(false));
        assertTrue(text.startsWith("Gradient reaching the first block: ResNet 1.2e-1, plain"
                + " 4.5e+2 (3 800× larger in the plain net)."), text);
        assertTrue(text.contains("grows 11× in the ResNet and grows 3 600× in the untrained"
                + " twin"), text);
        assertTrue(text.contains("32 images (32 test images)"), text);
    }

    @Test
    void gradientChartsLeaveShortcutProjectionsOutSoDepthsLineUp() {
        var chart = GradientsViewModel.weights(gradients(true));
        assertTrue(chart.logY());
        assertEquals(3, chart.curves().get(0).size());
        assertEquals("plain (trained twin)", chart.curves().get(1).name());
        String csv = GradientsViewModel.csv(gradients(true));
        assertTrue(csv.contains("ResNet resnet20-fashion,2,stage1.block1.conv1,0.100000"), csv);
        assertTrue(csv.contains("plain (trained twin),1,stage1.block1,450"), csv);
    }

    @Test
    void numbersForPeople() {
        assertEquals("1.2e-1", Sci.of(0.12));
        assertEquals("4.5e+2", Sci.of(450));
        assertEquals("1.0e+1", Sci.of(9.99));
        assertEquals("3 600×", Sci.factor(3612));
        assertEquals("1.8×", Sci.factor(1.8));
    }

    @Test
    void heatMapTilesUseTheLayersScaleAndClicksFindTheirChannel() {
        ActivationMap m = new ActivationMap("x", 3, 2, 2, new float[] {0, 0, 0, 0, 1, 1, 1, 1,
                2, 2, 2, 2});
        int[] px = HeatMap.grid(m, 2, 0, 2);
        int w = HeatMap.gridWidth(m, 2);
        assertEquals(7, w);
        assertEquals(Viridis.argb(0), px[w + 1]);
        assertEquals(Viridis.argb(0.5), px[w + 4]);
        assertEquals(Viridis.argb(1), px[4 * w + 1]);
        assertEquals(0xFF440154, Viridis.argb(0));
        assertEquals(0xFFFDE725, Viridis.argb(1));
        assertEquals(1, HeatMap.channelAt(m, 2, 4.5, 1.5));
        assertEquals(2, HeatMap.channelAt(m, 2, 1.5, 4.5));
        assertEquals(-1, HeatMap.channelAt(m, 2, 4.5, 4.5));
    }

    @Test
    void sampleImageNamesCarryTheirClass() {
        ImageChoice c = ImageChoice.of(Path.of("sample-images/fashion-9-ankle-boot-2.png"));
        assertEquals(9, c.label());
        assertEquals("ankle boot 2  (class 9)", c.title());
        assertEquals(-1, ImageChoice.of(Path.of("photo-cat.png")).label());
    }
}
