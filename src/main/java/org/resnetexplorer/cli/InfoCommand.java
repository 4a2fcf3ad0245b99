package org.resnetexplorer.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetexplorer.model.InvalidSpecException;
import org.resnetexplorer.model.LayerInfo;
import org.resnetexplorer.model.NetworkAnalysis;
import org.resnetexplorer.model.NetworkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "info", description = "Every layer of a network with its output shape,"
        + " parameters and multiply-adds, and the totals.")
class InfoCommand extends BaseCommand {

    @Option(names = "--arch", required = true, paramLabel = "NAME|FILE",
            description = "A preset (resnet18 ... resnet152, resnet20 ... resnet110,"
                    + " preact-<name>, plain-<name>) or a *.resnet.json file.")
    String arch;

    @Option(names = "--plain", description = "The plain twin: every skip connection removed.")
    boolean plain;

    @Option(names = "--input", paramLabel = "C,H,W", description = "Input shape, e.g. 1,28,28.")
    String input;

    @Option(names = "--classes", paramLabel = "N", description = "Number of classes.")
    Integer classes;

    @Override
    public Integer call() {
        NetworkSpec spec = Inputs.arch(arch);
        if (input != null) {
            spec = spec.withInput(Inputs.shape(input));
        }
        if (classes != null) {
            spec = spec.withNumClasses(classes);
        }
        if (plain) {
            spec = spec.plainTwin();
        }
        NetworkAnalysis a;
        try {
            a = NetworkAnalysis.of(spec);
        } catch (InvalidSpecException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        if (json()) {
            printJson(toJson(a));
        } else {
            printTable(a);
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> toJson(NetworkAnalysis a) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", a.spec().name());
        root.put("input", a.spec().input().asList());
        root.put("params", a.params());
        root.put("macs", a.macs());
        root.put("depth", a.depth());
        root.put("activationBytes", a.activationBytes());
        List<Map<String, Object>> layers = a.layers().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", l.name());
            m.put("type", l.type());
            m.put("outShape", l.outShape().asList());
            m.put("params", l.params());
            m.put("macs", l.macs());
            return m;
        }).toList();
        root.put("layers", layers);
        return root;
    }

    private void printTable(NetworkAnalysis a) {
        var out = out();
        out.printf(Locale.ROOT, "%s  (input %s, %d classes)%n", a.spec().name(),
                a.spec().input(), a.spec().numClasses());
        out.printf(Locale.ROOT, "%-32s %-10s %-14s %12s %16s%n", "layer", "type", "output",
                "params", "mult-adds");
        for (LayerInfo l : a.layers()) {
            out.printf(Locale.ROOT, "%-32s %-10s %-14s %,12d %,16d%n", l.name(), l.type(),
                    l.outShape(), l.params(), l.macs());
        }
        out.printf(Locale.ROOT, "%nparameters          %,d%n", a.params());
        out.printf(Locale.ROOT, "multiply-adds       %,d (%.3f G)%n", a.macs(), a.macs() / 1e9);
        out.printf(Locale.ROOT, "weighted layers     %d%n", a.depth());
        out.printf(Locale.ROOT, "activation memory   %.1f MB per image%n",
                a.activationBytes() / 1e6);
        out.flush();
    }
}
