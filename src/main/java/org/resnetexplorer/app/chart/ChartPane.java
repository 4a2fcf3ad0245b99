package org.resnetexplorer.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One chart with its two exports, "Save PNG" and "Save CSV". Fed whole {@link ChartData}s on
 * the FX thread; each update changes the series without notifying and redraws once, because
 * every notification redraws the canvas on the spot.
 */
public final class ChartPane extends BorderPane {

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font AXIS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final JFreeChart chart;
    private final XYPlot plot;
    private final ChartViewer viewer;
    private final String fileStem;
    private ChartData data;
    private Supplier<String> csv;

    /** @param fileStem the suggested name of the exported files ("gradients-over-depth") */
    public ChartPane(ChartData initial, String fileStem) {
        this.fileStem = fileStem;
        this.plot = new XYPlot(dataset, xAxis(initial.xLabel()), yAxis(initial),
                new XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
        this.chart = new JFreeChart(initial.title(), TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(AXIS);
        this.viewer = new ChartViewer(chart);
        viewer.setMinSize(200, 160);
        getStyleClass().add("chart-pane");
        setCenter(viewer);
        setBottom(buttons());
        show(initial);
    }

    private HBox buttons() {
        Button png = new Button("Save PNG");
        png.getStyleClass().add("save-png");
        png.setOnAction(e -> save("PNG image", "*.png", ".png", this::writePng));
        Button csvButton = new Button("Save CSV");
        csvButton.getStyleClass().add("save-csv");
        csvButton.setOnAction(e -> save("CSV table", "*.csv", ".csv", this::writeCsv));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox box = new HBox(6, grow, png, csvButton);
        box.setAlignment(Pos.CENTER_RIGHT);
        box.setPadding(new Insets(2, 4, 2, 4));
        return box;
    }

    /** Replaces what the chart shows: titles, axis kind and every series. */
    public void show(ChartData next) {
        this.data = next;
        chart.setNotify(false);
        try {
            chart.setTitle(new TextTitle(next.title(), TITLE));
            plot.getDomainAxis().setLabel(next.xLabel());
            if (next.logY() != (plot.getRangeAxis() instanceof LogAxis)) {
                plot.setRangeAxis(yAxis(next));
            }
            plot.getRangeAxis().setLabel(next.yLabel());
            XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
            List<Curve> curves = next.curves();
            boolean sameSeries = dataset.getSeriesCount() == curves.size();
            for (int i = 0; sameSeries && i < curves.size(); i++) {
                sameSeries = dataset.getSeriesKey(i).equals(curves.get(i).name());
            }
            if (!sameSeries) {
                dataset.removeAllSeries();
                for (Curve c : curves) {
                    dataset.addSeries(new XYSeries(c.name(), false, true));
                }
            }
            for (int i = 0; i < curves.size(); i++) {
                Curve c = curves.get(i);
                XYSeries s = dataset.getSeries(i);
                fill(s, c, next.logY());
                renderer.setSeriesPaint(i, switch (c.look()) {
                    case RESNET, RESNET_DASHED -> TwinColours.RESNET;
                    case PLAIN, PLAIN_DASHED -> TwinColours.PLAIN;
                    default -> TwinColours.series(i);
                });
                boolean dashed = c.look() == Curve.Look.RESNET_DASHED
                        || c.look() == Curve.Look.PLAIN_DASHED;
                renderer.setSeriesStroke(i, dashed ? new BasicStroke(1.6f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f},
                        0f) : new BasicStroke(2.4f));
                renderer.setSeriesShapesVisible(i, c.size() <= 60);
            }
            plot.getRangeAxis().setAutoRange(true);
            plot.getDomainAxis().setAutoRange(true);
        } finally {
            chart.setNotify(true);
        }
    }

    private static void fill(XYSeries s, Curve c, boolean log) {
        s.setNotify(false);
        s.clear();
        for (int i = 0; i < c.size(); i++) {
            double y = c.y()[i];
            if (Double.isFinite(y) && (!log || y > 0)) {
                s.add(c.x()[i], y, false);
            }
        }
        s.setNotify(true);
    }

    /** Where the CSV comes from; by default the chart's own numbers. */
    public void setCsv(Supplier<String> source) {
        this.csv = source;
    }

    public ChartData data() {
        return data;
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Items the chart draws now, for tests. */
    public int pointCount() {
        int n = 0;
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            n += dataset.getItemCount(i);
        }
        return n;
    }

    private interface Writer {
        void write(File file) throws IOException;
    }

    private void save(String kind, String pattern, String extension, Writer writer) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart as " + kind);
        chooser.setInitialFileName(fileStem + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            writer.write(file);
            flash("Saved " + file.getName());
        } catch (IOException | RuntimeException ex) {
            flash("Could not save " + file.getName() + ": " + ex.getMessage());
        }
    }

    public void writePng(File file) throws IOException {
        ChartUtils.saveChartAsPNG(file, chart, 1200, 700);
    }

    public void writeCsv(File file) throws IOException {
        String text = csv != null ? csv.get() : ChartCsv.of(data);
        Files.writeString(file.toPath(), text, StandardCharsets.UTF_8);
    }

    private void flash(String message) {
        Label note = new Label(message);
        note.getStyleClass().add("save-note");
        ((HBox) getBottom()).getChildren().set(0, note);
        HBox.setHgrow(note, Priority.ALWAYS);
        note.setMaxWidth(Double.MAX_VALUE);
    }

    private static ValueAxis xAxis(String label) {
        NumberAxis x = new NumberAxis(label);
        x.setAutoRangeIncludesZero(false);
        x.setLabelFont(AXIS);
        x.setTickLabelFont(TICKS);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return x;
    }

    private static ValueAxis yAxis(ChartData d) {
        ValueAxis y;
        if (d.logY()) {
            LogAxis log = new LogAxis(d.yLabel());
            log.setBase(10);
            log.setSmallestValue(1e-12);
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
            y = log;
        } else {
            NumberAxis n = new NumberAxis(d.yLabel());
            n.setAutoRangeIncludesZero(true);
            y = n;
        }
        y.setLabelFont(AXIS);
        y.setTickLabelFont(TICKS);
        return y;
    }
}
