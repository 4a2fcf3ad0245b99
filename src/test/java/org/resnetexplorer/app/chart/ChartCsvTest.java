package org.resnetexplorer.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartCsvTest {

    @Test
    void onePointPerRowWithItsLabelAndColumnsNamedAfterTheAxes() {
        ChartData d = new ChartData("t", "block (input side first)", "std over the batch", false,
                List.of(Curve.overDepth("ResNet", List.of("stage1.block1", "stage1.block2"),
                        new double[] {0.5, 1.25}), new Curve("plain, twin", new double[] {1},
                                new double[] {Double.NaN}, List.of())));
        assertEquals("series,block_(input_side_first),label,std_over_the_batch\n"
                + "ResNet,1,stage1.block1,0.500000\n"
                + "ResNet,2,stage1.block2,1.25000\n"
                + "\"plain, twin\",1,,\n", ChartCsv.of(d));
    }
}
