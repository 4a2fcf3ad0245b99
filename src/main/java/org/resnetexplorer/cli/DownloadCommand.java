package org.resnetexplorer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.resnetexplorer.engine.Engines;
import org.resnetexplorer.engine.zoo.GluonImport;
import org.resnetexplorer.engine.zoo.ZooDownload;
import org.resnetexplorer.engine.zoo.ZooResNet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "download", description = "Fetches an ImageNet-trained ResNet (resnet18, 34, 50,"
        + " 101 or 152: the paper's v1) from DJL's MXNet model zoo and makes it a model folder"
        + " under ~/.resnet-explorer/models, e.g. resnet50-imagenet. The only command that goes"
        + " online. --from converts files you already have (a resnetN_v1-0000.params and its"
        + " synset.txt, e.g. copied from ~/.djl.ai on a computer that was online).")
class DownloadCommand extends BaseCommand {

    @Option(names = "--arch", required = true, paramLabel = "NAME",
            description = "resnet18, resnet34, resnet50, resnet101 or resnet152")
    String arch;

    @Option(names = "--from", paramLabel = "DIR",
            description = "a folder with the zoo's files: convert them, download nothing")
    Path from;

    @Option(names = "--to", paramLabel = "DIR",
            description = "where the model folder goes (default: ~/.resnet-explorer/models/NAME)")
    Path to;

    @Option(names = "--force", description = "replace a model folder that is already there")
    boolean force;

    @Override
    public Integer call() throws Exception {
        ZooResNet which;
        try {
            which = ZooResNet.get(arch);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        Path target = to != null ? to : which.installedFolder();
        boolean already = org.resnetexplorer.engine.ModelFolder.isModelFolder(target);
        if (!already || force) {
            Path source = from != null ? from : fetch(which);
            progress("Converting " + which.artifact() + " into " + target + " ...");
            GluonImport.convert(source, which, Engines.get(null), target);
        }
        if (json()) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("arch", which.artifact());
            root.put("folder", target.toString());
            root.put("alreadyThere", already && !force);
            printJson(root);
        } else {
            out().println((already && !force ? which.title() + " is already in " : which.title()
                    + " saved to ") + target);
            out().println("Classify with: resnet-explorer classify --model "
                    + (to == null ? which.folderName() : target.toString()) + " IMAGE...");
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
