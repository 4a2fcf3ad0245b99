package org.resnetexplorer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.resnetexplorer.engine.Engines;
import org.resnetexplorer.engine.data.FashionMnist;
import org.resnetexplorer.engine.zoo.GluonImport;
import org.resnetexplorer.engine.zoo.ZooDownload;
import org.resnetexplorer.engine.zoo.ZooResNet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "download", description = "The only command that goes online. 'download"
        + " fashion-mnist' fetches the data set into ~/.resnet-explorer/datasets/fashion-mnist."
        + " 'download resnet50' (or resnet18, 34, 101, 152: the paper's v1, ImageNet-trained)"
        + " fetches the ResNet from DJL's MXNet model zoo and makes it a model folder under"
        + " ~/.resnet-explorer/models, e.g. resnet50-imagenet; --from converts zoo files you"
        + " already have (a resnetN_v1-0000.params and its synset.txt, e.g. copied from"
        + " ~/.djl.ai on a computer that was online).")
class DownloadCommand extends BaseCommand {

    @Parameters(arity = "0..1", paramLabel = "WHAT",
            description = "fashion-mnist, resnet18, resnet34, resnet50, resnet101 or resnet152")
    String what;

    @Option(names = "--arch", paramLabel = "NAME", description = "the same as WHAT, for a ResNet")
    String arch;

    @Option(names = "--from", paramLabel = "DIR",
            description = "a folder with the zoo's files: convert them, download nothing")
    Path from;

    @Option(names = "--to", paramLabel = "DIR",
            description = "where it goes (default: ~/.resnet-explorer/models/NAME, or"
                    + " ~/.resnet-explorer/datasets/fashion-mnist)")
    Path to;

    @Option(names = "--force", description = "replace a model folder that is already there")
    boolean force;

    @Override
    public Integer call() throws Exception {
        String name = what != null ? what : arch;
        if (name == null) {
            throw new UserInputException("say what to download: fashion-mnist, or resnet18,"
                    + " resnet34, resnet50, resnet101 or resnet152");
        }
        if (name.equalsIgnoreCase("fashion-mnist")) {
            return fashionMnist();
        }
        ZooResNet which;
        try {
            which = ZooResNet.get(name);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        Path target = to != null ? to : which.installedFolder();
        boolean already = org.resnetexplorer.engine.ModelFolder.isModelFolder(target);
        if (!already || force) {
            Path source = from != null ? from : fetch(which);
            progress("Converting " + which.artifact() + " into " + target + " ...");
            GluonImport.convert(source, which, Engines.get(GluonImport.ENGINE), target);
        }
        if (json()) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("arch", which.artifact());
            root.put("folder", target.toString());
            root.put("alreadyThere", already && !force);
            printJson(root);
        } else {
            out().println((already && !force ? which.title() + " is already in " : which.title()
                    + " saved to ") + target + (already && !force && from != null
                            ? " (nothing converted: add --force to convert " + from + " again)"
                            : ""));
            out().println("Classify with: resnet-explorer classify --model "
                    + (to == null ? which.folderName() : target.toString()) + " IMAGE...");
        }
        return ExitCodes.OK;
    }

    private int fashionMnist() throws IOException, InterruptedException {
        Path target = to != null ? to : FashionMnist.userDirectory();
        if (!FashionMnist.isComplete(target) || force) {
            progress("Downloading Fashion-MNIST (about 30 MB) into " + target + " ...");
            FashionMnist.download(target, p -> progress(String.format(Locale.ROOT, "  %d %%",
                    Math.round(100 * p))));
        }
        if (json()) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("data", "fashion-mnist");
            root.put("folder", target.toString());
            printJson(root);
        } else {
            out().println("Fashion-MNIST is in " + target);
        }
        return ExitCodes.OK;
    }

    private Path fetch(ZooResNet which) throws IOException {
        progress("Downloading " + which.artifact() + " (about " + which.megabytes()
                + " MB) from DJL's MXNet model zoo ...");
        long[] lastTenth = {-1};
        return ZooDownload.fetch(which, (done, total) -> {
            long tenth = total > 0 ? done * 10 / total : done / (10L << 20);
            if (tenth != lastTenth[0]) {
                lastTenth[0] = tenth;
                progress(total > 0 ? String.format(Locale.ROOT, "  %d %%", tenth * 10)
                        : String.format(Locale.ROOT, "  %d MB", done >> 20));
            }
        }, () -> false);
    }
}
