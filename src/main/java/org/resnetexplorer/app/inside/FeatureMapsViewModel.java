package org.resnetexplorer.app.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.resnetexplorer.engine.probe.ActivationMap;

/**
 * The Feature maps tab's state: which layer and channel are shown, for the ResNet and its plain
 * twin, all read from the cached forward pass (a layer switch never calls the engine).
 */
public final class FeatureMapsViewModel {

    /** One network's side of the view: its layer output and the scale it is drawn on. */
    public record Side(String title, ActivationMap map, double min, double max) {
        public double[] stats(int channel) {
            return map.channelStats(Math.min(channel, map.channels() - 1));
        }
    }

    private final InsideSelection selection;
    private final ObservableList<String> layers = FXCollections.observableArrayList();
    private final ObjectProperty<String> layer = new SimpleObjectProperty<>();
    private final IntegerProperty channel = new SimpleIntegerProperty();

    public FeatureMapsViewModel(InsideSelection selection) {
        this.selection = selection;
        selection.reportProperty().addListener((o, was, now) -> reportChanged(now));
        layer.addListener((o, was, now) -> {
            if (now != null && channel.get() >= channels(now)) {
                channel.set(0);
            }
        });
        reportChanged(selection.reportProperty().get());
    }

    private void reportChanged(InsideReport r) {
        String keep = layer.get();
        if (r == null) {
            layers.clear();
            return;
        }
        layers.setAll(new ArrayList<>(r.resnet().activations().keySet()));
        layer.set(keep != null && layers.contains(keep) ? keep
                : layers.stream().filter(l -> l.matches("stage\\d+\\.block\\d+\\.relu"))
                        .findFirst().orElse(layers.isEmpty() ? null : layers.get(0)));
    }

    private int channels(String name) {
        InsideReport r = report();
        ActivationMap m = r == null ? null : r.resnet().activations().get(name);
        return m == null ? 0 : m.channels();
    }

    public InsideReport report() {
        return selection.reportProperty().get();
    }

    /** The ResNet's side for the chosen layer, or null before a pass. */
    public Side resnet() {
        InsideReport r = report();
        return r == null || layer.get() == null ? null
                : side("ResNet  " + r.resnetName() + (r.resnetTrained() ? "" : " (untrained)"),
                        r.resnet().activations().get(layer.get()));
    }

    /** The twin's side, or null when the twin has no such layer (a shortcut or the sum). */
    public Side plain() {
        InsideReport r = report();
        if (r == null || layer.get() == null) {
            return null;
        }
        ActivationMap m = r.plain().activations().get(layer.get());
        return m == null ? null : side("Plain  " + r.plainName() + " — " + r.twinLabel(), m);
    }

    public String plainMissingText() {
        InsideReport r = report();
        return r == null ? "" : "The plain network (" + r.twinLabel() + ") has no layer "
                + layer.get() + ": it has no skip connections.";
    }

    private static Side side(String title, ActivationMap m) {
        if (m == null) {
            return null;
        }
        double[] range = HeatMap.range(m);
        return new Side(title, m, range[0], range[1]);
    }

    /** Every channel's statistics of the chosen layer, both networks, as CSV. */
    public String statsCsv() {
        StringBuilder sb = new StringBuilder("network,layer,channel,mean,std,min,max\n");
        List<Side> all = sides();
        for (int i = 0; i < all.size(); i++) {
            Side s = all.get(i);
            for (int c = 0; c < s.map().channels(); c++) {
                double[] st = s.map().channelStats(c);
                sb.append(String.format(Locale.ROOT, "%s,%s,%d,%.6g,%.6g,%.6g,%.6g%n",
                        i == 0 ? "resnet" : "plain", s.map().layer(), c + 1, st[0],
                        st[1], st[2], st[3]));
            }
        }
        return sb.toString();
    }

    private List<Side> sides() {
        List<Side> list = new ArrayList<>();
        if (resnet() != null) {
            list.add(resnet());
            if (plain() != null) {
                list.add(plain());
            }
        }
        return list;
    }

    /** "mean 0.12  std 0.34  min -1.2  max 2.5" for one channel. */
    public static String statsText(double[] s) {
        return String.format(Locale.ROOT, "mean %.3g   std %.3g   min %.3g   max %.3g", s[0], s[1],
                s[2], s[3]);
    }

    /** Shows the output of block {@code block} of stage {@code stage} (1-based) if probed. */
    public void showBlock(int stage, int block) {
        String block1 = "stage" + stage + ".block" + block;
        // post-activation blocks end with a ReLU after the sum, pre-activation ones with the sum
        for (String name : List.of(block1 + ".relu", block1 + ".add")) {
            if (layers.contains(name)) {
                layer.set(name);
                return;
            }
        }
    }

    public ObservableList<String> layers() {
        return layers;
    }

    public ObjectProperty<String> layerProperty() {
        return layer;
    }

    public IntegerProperty channelProperty() {
        return channel;
    }

    public ReadOnlyObjectProperty<InsideReport> reportProperty() {
        return selection.reportProperty();
    }
}
