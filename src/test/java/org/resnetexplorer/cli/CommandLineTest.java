package org.resnetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SAMPLE = "src/test/resources/fashion-mnist-sample";

    @Test
    void infoJsonHasTheStableKeys() throws Exception {
        CliRunner r = CliRunner.run("info", "--arch", "resnet50", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("resnet50", root.get("name").asText());
        assertEquals(25557032L, root.get("params").asLong());
        assertEquals(4.089e9, root.get("macs").asDouble(), 0.005 * 4.089e9);
        JsonNode fc = root.get("layers").get(root.get("layers").size() - 1);
        assertEquals("head.fc", fc.get("name").asText());
        assertEquals("fc", fc.get("type").asText());
        assertEquals("[1000,1,1]", fc.get("outShape").toString());
        assertEquals(2049000L, fc.get("params").asLong());
        assertEquals(2048000L, fc.get("macs").asLong());
    }

    @Test
    void everyCommandAnswersHelpWithoutItsRequiredOptions() {
        for (String command : new String[] {"train", "classify", "probe", "compare", "bench",
            "evaluate", "info", "download"}) {
            CliRunner r = CliRunner.run(command, "--help");
            assertEquals(0, r.code(), command + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: resnet-explorer " + command), r.out());
        }
        assertTrue(CliRunner.run("train", "--help").out().contains("--data=SPEC"));
    }

    @Test
    void benchSaysItsThreadsAndRefusesNone() throws Exception {
        CliRunner none = CliRunner.run("bench", "--arch", "resnet20", "--threads", "0");
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("error: --threads must be at least 1"), none.err());

        CliRunner r = CliRunner.run("bench", "--arch", "resnet20", "--batch", "2", "--runs", "1",
                "--warmup", "0", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(JSON.readTree(r.out()).get("threads").asInt() >= 1, r.out());
    }

    @Test
    void infoTablePrintsEveryLayerAndTotals() {
        CliRunner r = CliRunner.run("info", "--arch", "resnet20", "--plain", "--input", "1,28,28");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("plain-resnet20  (input 1x28x28, 10 classes)"), r.out());
        assertTrue(r.out().contains("stage3.block3.conv2"), r.out());
        assertTrue(!r.out().contains(".add "), "a plain twin has no additions");
        assertTrue(r.out().contains("parameters          269,434"), r.out());
        assertTrue(r.out().contains("weighted layers     20"), r.out());
    }

    @Test
    void badInputGivesExitCode2AndOneLine(@TempDir Path dir) throws Exception {
        CliRunner unknown = CliRunner.run("info", "--arch", "resnet99");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: unknown network 'resnet99'"), unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());

        Path broken = dir.resolve("broken.resnet.json");
        Files.writeString(broken, "{\"format\": 1, \"name\": \"x\"}");
        CliRunner bad = CliRunner.run("info", "--arch", broken.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: broken.resnet.json: missing field"), bad.err());

        CliRunner shape = CliRunner.run("info", "--arch", "resnet20", "--input", "3,32");
        assertEquals(2, shape.code());
        assertTrue(shape.err().contains("three numbers C,H,W"), shape.err());

        CliRunner option = CliRunner.run("info", "--arch");
        assertEquals(2, option.code());

        CliRunner data = CliRunner.run("train", "--arch", "resnet20", "--data",
                dir.toString(), "--epochs", "1", "--out", dir.resolve("m").toString());
        assertEquals(2, data.code());
        assertTrue(data.err().contains("neither 'fashion-mnist', nor a folder"), data.err());
    }

    @Test
    void trainAndEvaluateTakeAFolderOfOwnImages(@TempDir Path dir) throws Exception {
        Path images = org.resnetexplorer.engine.data.ImageFolderTest.colours(
                dir.resolve("colours"), 20, "red", "blue", "green");
        Path out = dir.resolve("colours-model");
        CliRunner train = CliRunner.run("train", "--arch", "resnet20", "--data",
                images.toString(), "--epochs", "3", "--batch", "18", "--lr", "0.05", "--out",
                out.toString(), "--json");
        assertEquals(0, train.code(), train.err());
        assertEquals(java.util.List.of("blue", "green", "red"),
                Files.readAllLines(out.resolve("labels.txt")));
        var props = org.resnetexplorer.engine.ModelFolder.readProperties(out);
        assertEquals("images-colours", props.getProperty("dataset"));
        assertEquals(3, props.getProperty("input.mean").split(",").length,
                "normalised per colour channel");

        CliRunner eval = CliRunner.run("evaluate", "--model", out.toString(), "--data",
                images.toString(), "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode ev = JSON.readTree(eval.out());
        int held = 0;
        for (JsonNode row : ev.get("confusion")) {
            for (JsonNode v : row) {
                held += v.asInt();
            }
        }
        assertEquals(6, held, "every tenth image of each class was held out");
        assertTrue(ev.get("accuracy").asDouble() >= 0.66, "colours are easy: " + eval.out());

        CliRunner other = CliRunner.run("evaluate", "--model", "resnet20-fashion", "--data",
                images.toString());
        assertEquals(2, other.code());
        assertTrue(other.err().contains("the images' class 'blue' is not one of the model's 10"
                + " classes (T-shirt/top, Trouser"), other.err());
    }

    @Test
    void benchReportsMedianTiming() throws Exception {
        CliRunner r = CliRunner.run("bench", "--arch", "resnet20", "--input", "1,28,28",
                "--batch", "8", "--warmup", "1", "--runs", "3", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("resnet20", root.get("arch").asText());
        assertEquals(8, root.get("batch").asInt());
        assertEquals("MXNet", root.get("engine").asText());
        assertEquals("cpu", root.get("device").asText());
        assertTrue(root.get("fused").asBoolean(), "inference runs the fused graph by default");
        // the reported time is the median of the timed runs, warm-up excluded
        JsonNode runs = root.get("runsMs");
        assertEquals(3, runs.size());
        double[] sorted = {runs.get(0).asDouble(), runs.get(1).asDouble(), runs.get(2).asDouble()};
        java.util.Arrays.sort(sorted);
        assertEquals(sorted[1], root.get("msPerBatch").asDouble(), 1e-9);
        assertTrue(sorted[0] > 0);
        assertEquals(8000 / sorted[1], root.get("imagesPerSecond").asDouble(), 1e-6);
    }

    @Test
    void trainWritesAModelFolderThatEvaluates(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r20");
        CliRunner train = CliRunner.run("train", "--arch", "resnet20", "--data", SAMPLE,
                "--epochs", "1", "--limit", "400", "--batch", "50", "--lr", "0.05", "--out",
                out.toString(), "--json");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.err().contains("epoch 1: train error"), train.err());
        JsonNode result = JSON.readTree(train.out());
        assertEquals(1, result.get("epochs").asInt());
        assertTrue(Files.isRegularFile(out.resolve("spec.resnet.json")));

        CliRunner eval = CliRunner.run("evaluate", "--model", out.toString(), "--data", SAMPLE,
                "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode ev = JSON.readTree(eval.out());
        assertEquals("Ankle boot", ev.get("labels").get(9).asText());
        int total = 0;
        for (JsonNode row : ev.get("confusion")) {
            for (JsonNode v : row) {
                total += v.asInt();
            }
        }
        assertEquals(500, total);
        assertEquals(1 - result.get("testError").asDouble(), ev.get("accuracy").asDouble(),
                1e-6);
    }

    @Test
    void classifyReportsEachFileAndKeepsGoingPastABadOne(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("tiny");
        assertEquals(0, CliRunner.run("train", "--arch", "resnet20", "--data", SAMPLE,
                "--epochs", "1", "--limit", "100", "--batch", "50", "--out", model.toString())
                .code());
        Path broken = Files.writeString(dir.resolve("broken.jpg"), "not a jpeg");
        CliRunner r = CliRunner.run("classify", "--model", model.toString(), "--top", "3",
                "--json", "sample-images/fashion-3-dress-1.png", broken.toString(),
                "sample-images/photo-rocket.jpg");
        assertEquals(2, r.code(), r.err());
        assertEquals("error: broken.jpg: not an image in a format this app reads (PNG, JPEG,"
                + " BMP, GIF, TIFF)", r.err().strip());
        JsonNode results = JSON.readTree(r.out());
        assertEquals(3, results.size());
        for (int i : new int[] {0, 2}) {
            JsonNode top = results.get(i).get("top");
            assertEquals(3, top.size());
            assertTrue(results.get(i).get("error").isNull());
            double p0 = top.get(0).get("probability").asDouble();
            assertTrue(p0 >= top.get(1).get("probability").asDouble() && p0 <= 1);
            assertEquals(org.resnetexplorer.engine.data.FashionMnist.CLASSES.get(
                    top.get(0).get("index").asInt()), top.get(0).get("label").asText());
        }
        assertEquals(0, results.get(1).get("top").size());
        assertTrue(results.get(1).get("error").asText().startsWith("broken.jpg: "));

        CliRunner missing = CliRunner.run("classify", "--model", "no-such-model", "x.png");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("error: no model 'no-such-model'"), missing.err());
    }

    @Test
    void compareWritesBothCurvesAndProbeSeesBothTrainedNetworks(@TempDir Path dir)
            throws Exception {
        CliRunner cmp = CliRunner.run("compare", "--arch", "resnet20", "--data", SAMPLE,
                "--steps", "6", "--batch", "50", "--lr", "0.05", "--out", dir.toString(),
                "--eval-every", "3", "--gradient-every", "3", "--json");
        assertEquals(0, cmp.code(), cmp.err());
        java.util.List<String> curves = Files.readAllLines(dir.resolve("curves.csv"));
        assertEquals("network,iteration,epoch,train_loss,train_error,test_error,lr",
                curves.get(0));
        assertEquals(2, curves.stream().filter(l -> l.startsWith("resnet20,")).count());
        assertEquals(2, curves.stream().filter(l -> l.startsWith("plain-resnet20,")).count());
        java.util.List<String> grads = Files.readAllLines(dir.resolve("gradients.csv"));
        // snapshots at iterations 1, 3 and 6 of 20 weighted layers, for both networks
        assertEquals(1 + 2 * 3 * 20, grads.size());
        assertTrue(grads.get(1).startsWith("resnet20,1,1,stem.conv,"), grads.get(1));

        Path image = Path.of("sample-images/fashion-9-ankle-boot-1.png");
        CliRunner g = CliRunner.run("probe", "--model", dir.resolve("resnet").toString(),
                "--image", image.toString(), "--what", "gradients", "--label", "9", "--json");
        assertEquals(0, g.code(), g.err());
        JsonNode root = JSON.readTree(g.out());
        assertEquals("gradients", root.get("what").asText());
        assertTrue(root.get("plainTrained").asBoolean());
        assertEquals("Ankle boot", root.get("labelName").asText());
        for (String net : new String[] {"resnet", "plain"}) {
            JsonNode rows = root.get("networks").get(net);
            assertEquals(20, rows.size());
            assertEquals("stem.conv", rows.get(0).get("layer").asText());
            assertEquals("[16,1,3,3]", rows.get(0).get("shape").toString());
            assertTrue(rows.get(0).get("value").asDouble() > 0);
        }

        CliRunner s = CliRunner.run("probe", "--model", dir.resolve("resnet").toString(),
                "--image", image.toString(), "--what", "shortcuts", "--json");
        assertEquals(0, s.code(), s.err());
        JsonNode shortcuts = JSON.readTree(s.out()).get("networks");
        assertEquals(9, shortcuts.get("resnet").size());
        assertTrue(shortcuts.get("resnet").get(0).get("ratio").asDouble() > 0);
        assertTrue(shortcuts.get("plain").get(0).get("ratio").isNull());

        CliRunner a = CliRunner.run("probe", "--model", dir.resolve("resnet").toString(),
                "--image", image.toString(), "--what", "activations", "--layer", "stem.relu",
                "--json");
        assertEquals(0, a.code(), a.err());
        JsonNode stem = JSON.readTree(a.out()).get("networks").get("resnet").get(2);
        assertEquals("stem.relu", stem.get("layer").asText());
        assertEquals(16 * 28 * 28, stem.get("values").size());

        CliRunner bad = CliRunner.run("probe", "--model", dir.resolve("resnet").toString(),
                "--image", image.toString(), "--what", "activations", "--layer", "nope");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: no layer 'nope'"), bad.err());
    }
}
