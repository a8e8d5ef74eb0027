package dev.nettune.ui.calculator;

import dev.nettune.ui.common.Messages;
import dev.nettune.rss.Distribution;
import java.awt.BasicStroke;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Flows per queue beside the share the table should give them, as a JFreeChart bar chart. Its
 * colours follow the AtlantaFX theme: a hidden probe label resolves the theme's colours, and the
 * chart is restyled whenever they change (light/dark switch).
 */
final class QueueShareChart {
    // Series names are the legend: in the language the chart was made in.
    private final String observed = Messages.get("calculator.chart.observed");
    private final String expected = Messages.get("calculator.chart.expected");

    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final Label probe = new Label();
    private final Label muted = new Label();
    private final Label accent = new Label();
    private final StackPane root;

    QueueShareChart() {
        chart = ChartFactory.createBarChart(null, Messages.get("calculator.chart.queue"), Messages.get("calculator.chart.share"), dataset, PlotOrientation.VERTICAL,
                true, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setDrawBarOutline(false);
        NumberAxis value = (NumberAxis) plot.getRangeAxis();
        value.setNumberFormatOverride(new DecimalFormat("0.0%"));
        value.setAutoRangeIncludesZero(true);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setOutlineVisible(false);
        viewer = new ChartViewer(chart);
        viewer.setId("distributionChart");
        viewer.setMinHeight(180);
        probe.getStyleClass().add("chart-probe-fg");
        muted.getStyleClass().add("chart-probe-muted");
        accent.getStyleClass().add("chart-probe-accent");
        for (Label l : List.of(probe, muted, accent)) {
            // Kept in the scene (so CSS resolves it) but unseen and untouchable.
            l.setManaged(false);
            l.setOpacity(0);
            l.setMouseTransparent(true);
            l.textFillProperty().addListener((o, was, is) -> restyle());
        }
        root = new StackPane(probe, muted, accent, viewer);
        restyle();
    }

    Node node() {
        return root;
    }

    /** Redraws for these queue loads (empty: an empty chart). */
    void show(List<Distribution.QueueLoad> queues) {
        dataset.clear();
        for (Distribution.QueueLoad q : queues) {
            String column = String.valueOf(q.queue());
            dataset.addValue(q.share(), observed, column);
            dataset.addValue(q.expectedShare(), expected, column);
        }
        CategoryAxis axis = chart.getCategoryPlot().getDomainAxis();
        // Past 24 queues the numbers overlap: the axis names the range and the table beside has each queue.
        boolean many = queues.size() > 24;
        axis.setTickLabelsVisible(!many);
        axis.setTickMarksVisible(!many);
        axis.setLabel(many ? Messages.format("calculator.chart.queues", String.valueOf(queues.size() - 1)) : Messages.get("calculator.chart.queue"));
        axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        axis.setTickLabelFont(dev.nettune.ui.common.Fonts.chart(Font.PLAIN, 11));
    }

    /** The number of queues drawn, for tests. */
    int queuesShown() {
        return dataset.getColumnCount();
    }

    private void restyle() {
        java.awt.Color fg = awt(probe.getTextFill(), java.awt.Color.DARK_GRAY);
        java.awt.Color grid = awt(muted.getTextFill(), java.awt.Color.LIGHT_GRAY);
        java.awt.Color bars = awt(accent.getTextFill(), new java.awt.Color(0x0969da));
        chart.setBackgroundPaint(null);
        chart.getLegend().setBackgroundPaint(null);
        chart.getLegend().setItemPaint(fg);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(null);
        plot.setRangeGridlinePaint(grid);
        for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setLabelPaint(fg);
            axis.setTickLabelPaint(fg);
            axis.setAxisLinePaint(grid);
            axis.setTickMarkPaint(grid);
        }
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setSeriesPaint(0, bars);
        r.setSeriesPaint(1, new java.awt.Color(grid.getRed(), grid.getGreen(), grid.getBlue(), 200));
    }

    private static java.awt.Color awt(javafx.scene.paint.Paint paint, java.awt.Color fallback) {
        if (paint instanceof Color c) {
            return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
        }
        return fallback;
    }
}
