package org.resnetexplorer.app.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.train.MetricsCsv;
import org.resnetexplorer.engine.train.MetricsRow;

/** The words of lesson 2 follow the shipped numbers, whichever models are installed. */
class DegradationSummaryTest {

    @TempDir
    Path dir;

    private final Map<String, Path> shipped = new LinkedHashMap<>();

    private void model(String name, double... trainErrors) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        List<MetricsRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < trainErrors.length; i++) {
            rows.add(new MetricsRow(100 * (i + 1), i, 0.5, trainErrors[i], 0.1, 0.1));
        }
        MetricsCsv.write(folder.resolve("metrics.csv"), rows);
        shipped.put(name, folder);
    }

    @Test
    void allFourShowDegradationAndDrawTheDeepPair() throws Exception {
        model("resnet20-fashion", 0.30, 0.08, 0.08, 0.08);
        model("plain20-fashion", 0.30, 0.09, 0.09, 0.09);
        model("resnet56-fashion", 0.30, 0.06, 0.06, 0.06);
        model("plain56-fashion", 0.30, 0.12, 0.12, 0.12);
        DegradationSummary s = DegradationSummary.of(shipped);
        assertEquals(shipped.get("resnet56-fashion"), s.historyToDraw());
        assertTrue(s.text().contains("plain-20 9.0 %, ResNet-56 6.0 %, plain-56 12.0 %"),
                s.text());
        assertTrue(s.text().contains("deeper plain network trains worse"), s.text());
        assertTrue(s.text().contains("deeper ResNet trains at least as well"), s.text());
    }

    @Test
    void aRunThatDoesNotShowItIsNotSaidTo() throws Exception {
        model("plain20-fashion", 0.12);
        model("plain56-fashion", 0.10);
        assertTrue(DegradationSummary.of(shipped).text().contains("did not train worse"));
    }

    @Test
    void withoutThe56LayerModelsItSaysSo() throws Exception {
        model("resnet20-fashion", 0.084);
        DegradationSummary s = DegradationSummary.of(shipped);
        assertEquals(shipped.get("resnet20-fashion"), s.historyToDraw());
        assertTrue(s.text().contains("The 56-layer histories are not installed yet"), s.text());
        assertTrue(s.text().contains("nor is plain-20's"), s.text());
    }

    @Test
    void nothingInstalled() {
        DegradationSummary s = DegradationSummary.of(shipped);
        assertNull(s.historyToDraw());
        assertTrue(s.text().startsWith("No shipped training histories"), s.text());
    }
}
