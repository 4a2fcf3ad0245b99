package org.resnetexplorer.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.train.MetricsCsv;
import org.resnetexplorer.engine.train.MetricsRow;

class TrainingHistoryTest {

    @TempDir
    Path dir;

    private Path folder(String name, double error) throws IOException {
        Path f = Files.createDirectories(dir.resolve(name));
        MetricsCsv.write(f.resolve("metrics.csv"), List.of(
                new MetricsRow(100, 0.2, 1.0, 0.4, error, 0.1),
                new MetricsRow(200, 0.4, 0.6, 0.2, error / 2, 0.1)));
        return f;
    }

    @Test
    void aModelFolderBringsItsTwinsHistory() throws IOException {
        folder("resnet56-x", 0.30);
        Path plain = folder("plain56-x", 0.50);
        TrainingHistory h = TrainingHistory.load(plain);
        assertEquals("resnet56-x", h.resnetName());
        assertEquals("plain56-x", h.plainName());
        assertEquals(0.15, h.resnet().get(1).testError(), 1e-9);
        assertEquals(0.25, h.plain().get(1).testError(), 1e-9);
        String csv = TrainCharts.historyCsv(h.resnetName(), h.plainName(), h.resnet(),
                h.plain());
        assertTrue(csv.startsWith("network,iteration,epoch,train_loss,train_error,test_error,lr\n"
                + "resnet56-x,100,0.2000,1.00000,0.40000,0.30000,0.100000\n"), csv);
        var error = TrainCharts.error(h.resnetName(), h.plainName(), h.resnet(), h.plain());
        assertEquals(4, error.curves().size());
        assertEquals(30.0, error.curves().get(1).y()[0], 1e-9);
    }

    @Test
    void aResNetAloneAndARunFolder() throws IOException {
        TrainingHistory alone = TrainingHistory.load(folder("resnet20-y", 0.2));
        assertTrue(alone.plain().isEmpty());
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.move(folder("resnet", 0.1), run.resolve("resnet"));
        Files.move(folder("plain", 0.2), run.resolve("plain"));
        TrainingHistory h = TrainingHistory.load(run);
        assertEquals(2, h.plain().size());
        assertEquals("run/resnet", h.resnetName());
        IOException e = assertThrows(IOException.class,
                () -> TrainingHistory.load(Files.createDirectories(dir.resolve("empty"))));
        assertTrue(e.getMessage().startsWith("empty holds no metrics.csv"), e.getMessage());
    }
}
