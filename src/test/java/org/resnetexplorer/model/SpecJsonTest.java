package org.resnetexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecJsonTest {

    @Test
    void everyPresetRoundTrips(@TempDir Path dir) throws Exception {
        for (String name : Presets.names()) {
            NetworkSpec spec = Presets.get(name);
            Path file = dir.resolve(name + SpecJson.EXTENSION);
            SpecJson.write(spec, file);
            assertEquals(spec, SpecJson.read(file), name);
        }
        String json = SpecJson.toJson(Presets.get("resnet20"));
        assertTrue(json.contains("\"format\" : 1"), json);
    }

    private static String message(String json) {
        return assertThrows(SpecFormatException.class, () -> SpecJson.fromJson(json)).getMessage();
    }

    @Test
    void malformedFilesGiveMessagesNamingTheField() {
        String good = SpecJson.toJson(Presets.get("resnet20"));
        assertEquals("missing field 'format' (expected \"format\": 1)",
                message(good.replace("\"format\" : 1,", "")));
        assertTrue(message(good.replace("\"format\" : 1", "\"format\" : 7"))
                .contains("reads format 1"));
        assertEquals("unknown field 'stages[1].blocks[0].strid' (expected: kind, outChannels,"
                + " stride, shortcut, preActivation, bottleneckWidth, strideIn3x3)",
                message(good.replaceFirst("\"stride\" : 2", "\"strid\" : 2")));
        assertEquals("missing field 'stages[1].blocks[0].stride'",
                message(good.replaceFirst("\"stride\" : 2,", "")));
        assertEquals("field 'stages[1].blocks[0].stride' has the wrong value two",
                message(good.replaceFirst("\"stride\" : 2", "\"stride\" : \"two\"")));
        assertEquals("missing field 'numClasses'",
                message(good.replace(",\n  \"numClasses\" : 10", "")));
        String kind = message(good.replaceFirst("\"BASIC\"", "\"TRIANGLE\""));
        assertTrue(kind.startsWith("field 'stages[0].blocks[0].kind' has the wrong value TRIANGLE"),
                kind);
        assertTrue(kind.contains("BASIC, BOTTLENECK"), kind);
        assertTrue(message("{ not json").startsWith("not valid JSON"));
        assertTrue(message("[1,2]").contains("JSON object"));
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.resnet.json");
        Files.writeString(file, "{\"format\": 1}");
        String msg = assertThrows(SpecFormatException.class, () -> SpecJson.read(file)).getMessage();
        assertTrue(msg.startsWith("broken.resnet.json: missing field"), msg);
    }
}
