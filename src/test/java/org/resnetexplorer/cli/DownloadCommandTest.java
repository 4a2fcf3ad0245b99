package org.resnetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.zoo.GluonResNet;

/** {@code download}: the zoo's files become a model folder that {@code classify} takes. */
public class DownloadCommandTest {

    @TempDir
    Path tmp;

    @Test
    void zooFilesAtHandBecomeAModelThatClassifiesPhotos() throws Exception {
        Path zoo = Files.createDirectories(tmp.resolve("zoo"));
        GluonResNet.weights(3).write(zoo.resolve("resnet18_v1-0000.params"));
        GluonResNet.synset(zoo.resolve("synset.txt"), 1000);
        Path out = tmp.resolve("resnet18-imagenet");

        CliRunner made = CliRunner.run("download", "--arch", "resnet18", "--from", zoo.toString(),
                "--to", out.toString());
        assertEquals(0, made.code(), made.err());
        assertTrue(made.out().contains("saved to " + out), made.out());

        CliRunner again = CliRunner.run("download", "--arch", "resnet18", "--from",
                zoo.toString(), "--to", out.toString(), "--json");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("\"alreadyThere\" : true"), again.out());

        CliRunner classified = CliRunner.run("classify", "--model", out.toString(), "--top", "3",
                "sample-images/photo-coffee.png", "--json");
        assertEquals(0, classified.code(), classified.err());
        assertTrue(classified.out().contains("\"probability\""), classified.out());
    }

    @Test
    void anUnknownDepthIsABadInputNamingTheChoices() {
        CliRunner r = CliRunner.run("download", "--arch", "resnet20");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("resnet18, resnet34, resnet50, resnet101 or resnet152"),
                r.err());
    }

    @Test
    void fashionMnistAlreadyThereIsNotFetchedAgain() {
        CliRunner r = CliRunner.run("download", "fashion-mnist", "--to",
                "src/test/resources/fashion-mnist-sample");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Fashion-MNIST is in src/test/resources/fashion-mnist-sample"),
                r.out());
        CliRunner nothing = CliRunner.run("download");
        assertEquals(2, nothing.code());
        assertTrue(nothing.err().contains("say what to download: fashion-mnist, or resnet18"),
                nothing.err());
    }
}
