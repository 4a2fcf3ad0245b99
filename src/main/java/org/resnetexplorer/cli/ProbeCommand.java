package org.resnetexplorer.cli;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetexplorer.engine.image.ImageLoader;
import org.resnetexplorer.engine.image.ImagePreprocessor;
import org.resnetexplorer.engine.image.ImageReadException;
import org.resnetexplorer.engine.image.PreparedImage;
import org.resnetexplorer.engine.probe.ActivationMap;
import org.resnetexplorer.engine.probe.BlockResponse;
import org.resnetexplorer.engine.probe.ForwardReport;
import org.resnetexplorer.engine.probe.GradientReport;
import org.resnetexplorer.engine.probe.LayerValue;
import org.resnetexplorer.engine.probe.ModelPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "probe", description = "Per-layer values inside a model and its plain twin for"
        + " one image: activations (response std), shortcuts (|F(x)|, |x|, ratio per block) or"
        + " gradients (weight-gradient L2 norm per weighted layer), first layer first.")
class ProbeCommand extends BaseCommand {

    enum What { activations, shortcuts, gradients }

    @Option(names = "--model", required = true, paramLabel = "DIR|NAME")
    String model;

    @Option(names = "--image", required = true, paramLabel = "FILE")
    Path image;

    @Option(names = "--what", required = true, description = "${COMPLETION-CANDIDATES}")
    What what;

    @Option(names = "--layer", paramLabel = "L", description = "activations: also print every"
            + " value of this layer for the image.")
    String layer;

    @Option(names = "--label", paramLabel = "N", description = "gradients: the class to compute"
            + " the loss against (default: the ResNet's prediction).")
    Integer label;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        Path dir = Inputs.modelFolder(model);
        Engine engine = engineOptions.engine();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", model);
        root.put("what", what.name());
        Map<String, Object> networks = new LinkedHashMap<>();
        try (ModelPair pair = ModelPair.open(dir, engine,
                engineOptions.device(engine, err()).device())) {
            var pp = pair.resnetModel().info().preprocessing();
            PreparedImage input;
            try {
                input = ImagePreprocessor.prepare(ImageLoader.read(image),
                        pair.resnet().net().spec().input(), pp);
            } catch (ImageReadException e) {
                throw new UserInputException(e.getMessage(), e);
            }
            float[] x = ImagePreprocessor.normalised(input, pp);
            if (layer != null) {
                // checked on the ResNet: its shortcut layers have no counterpart in the twin
                if (what != What.activations) {
                    throw new UserInputException("--layer goes with --what activations");
                }
                if (pair.resnet().net().analysis().layers().stream()
                        .noneMatch(l -> l.name().equals(layer))) {
                    throw new UserInputException("no layer '" + layer + "' in "
                            + pair.resnet().name() + " (see 'info --arch ...' for the layer"
                            + " names)");
                }
            }
            int target = label != null ? label
                    : argmaxOf(pair.resnet().probe().forward(x, 1).logits());
            if (target < 0 || target >= pair.resnet().net().spec().numClasses()) {
                throw new UserInputException("--label must be a class index from 0 to "
                        + (pair.resnet().net().spec().numClasses() - 1));
            }
            root.put("label", target);
            root.put("labelName", pair.resnetModel().labels().get(target));
            for (ModelPair.Side side : List.of(pair.resnet(), pair.plain())) {
                networks.put(side == pair.plain() ? "plain" : "resnet",
                        probe(side, x, target));
            }
            root.put("names", Map.of("resnet", pair.resnet().name(), "plain",
                    pair.plain().name()));
            root.put("plainTrained", pair.plain().trained());
        }
        root.put("networks", networks);
        if (json()) {
            printJson(root);
        } else {
            printTable(networks);
        }
        return ExitCodes.OK;
    }

    private List<Map<String, Object>> probe(ModelPair.Side side, float[] x, int target) {
        List<Map<String, Object>> rows = new ArrayList<>();
        switch (what) {
            case activations -> {
                ForwardReport r = side.probe().forward(x, 1);
                for (LayerValue v : r.responses()) {
                    Map<String, Object> row = row(v);
                    if (v.layer().equals(layer)) {
                        ActivationMap m = r.activations().get(layer);
                        row.put("values", m.values());
                    }
                    rows.add(row);
                }
            }
            case shortcuts -> {
                ForwardReport r = side.probe().forward(x, 1);
                for (BlockResponse b : r.blocks()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("layer", b.block());
                    row.put("shape", r.responses().stream()
                            .filter(v -> v.layer().startsWith(b.block() + "."))
                            .reduce((a, c) -> c).map(LayerValue::shape).orElse(List.of()));
                    row.put("value", b.branchStd());
                    row.put("inputStd", b.inputStd());
                    row.put("branchStd", b.branchStd());
                    row.put("shortcutStd", nullIfNaN(b.shortcutStd()));
                    row.put("outputStd", b.outputStd());
                    row.put("ratio", nullIfNaN(b.ratio()));
                    rows.add(row);
                }
            }
            case gradients -> {
                GradientReport r = side.probe().gradients(x, new float[] {target}, 1);
                r.weightGradients().forEach(v -> rows.add(row(v)));
            }
            default -> throw new IllegalStateException(what.name());
        }
        return rows;
    }

    private static Map<String, Object> row(LayerValue v) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("layer", v.layer());
        row.put("shape", v.shape());
        row.put("value", v.value());
        return row;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    @SuppressWarnings("unchecked")
    private void printTable(Map<String, Object> networks) {
        var resnet = (List<Map<String, Object>>) networks.get("resnet");
        var plain = (List<Map<String, Object>>) networks.get("plain");
        out().printf("%-32s %14s %14s%n", "layer", "resnet", "plain");
        Map<String, Object> plainByLayer = new LinkedHashMap<>();
        plain.forEach(r -> plainByLayer.put((String) r.get("layer"), r.get("value")));
        for (Map<String, Object> r : resnet) {
            Object p = plainByLayer.get(r.get("layer"));
            out().printf(java.util.Locale.ROOT, "%-32s %14.6g %14s%n", r.get("layer"),
                    (Double) r.get("value"), p == null ? "-"
                            : String.format(java.util.Locale.ROOT, "%.6g", (Double) p));
        }
        out().flush();
    }

    private static int argmaxOf(float[] logits) {
        return org.resnetexplorer.engine.BatchRunner.argmax(logits, 0, logits.length);
    }
}
