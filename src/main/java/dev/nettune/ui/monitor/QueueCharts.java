package dev.nettune.ui.monitor;

import dev.nettune.ui.common.QueuePalette;
import dev.nettune.monitor.ChartFrame;
import dev.nettune.monitor.RateSample;
import dev.nettune.rss.IndirectionTable;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The Monitor screen's three JFreeChart charts and how a {@link ChartFrame} updates them: rx
 * packets/s per queue over time (a line per queue, NaN breaks the line at gaps), the current share
 * per queue as bars with the table's expected share marked on each, and interrupts/s per queue
 * and CPU as a heat map. Updates replace whole datasets, so a redraw is one swap per chart.
 */
public final class QueueCharts {
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final DefaultXYDataset lines = new DefaultXYDataset();
    private final XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    private final JFreeChart timeChart;
    private DefaultCategoryDataset bars = new DefaultCategoryDataset();
    private DefaultCategoryDataset expected = new DefaultCategoryDataset();
    private final JFreeChart barChart;
    private final CategoryPlot barPlot;
    private DefaultXYZDataset heat = new DefaultXYZDataset();
    private final JFreeChart heatChart;
    private final XYPlot heatPlot;
    private final XYBlockRenderer heatRenderer = new XYBlockRenderer();
    private int seriesShown = -1;

    public QueueCharts() {
        DateAxis time = new DateAxis();
        time.setTickLabelFont(SMALL);
        NumberAxis pps = new NumberAxis("rx packets/s");
        pps.setTickLabelFont(SMALL);
        pps.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(lines, time, pps, lineRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        timeChart = new JFreeChart(null, SMALL, plot, false);
        timeChart.setBackgroundPaint(Color.WHITE);
        timeChart.addSubtitle(new TextTitle("rx packets/s per queue", new Font(Font.SANS_SERIF, Font.BOLD, 12)));

        CategoryAxis queues = new CategoryAxis("queue");
        queues.setTickLabelFont(SMALL);
        queues.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        queues.setCategoryMargin(0.1);
        NumberAxis share = new NumberAxis("share of packets");
        share.setTickLabelFont(SMALL);
        share.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance());
        BarRenderer barRenderer = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return Color.decode(QueuePalette.colour(column));
            }
        };
        barRenderer.setBarPainter(new StandardBarPainter());
        barRenderer.setShadowVisible(false);
        barPlot = new CategoryPlot(bars, queues, share, barRenderer);
        LineAndShapeRenderer marks = new LineAndShapeRenderer(false, true);
        marks.setSeriesShape(0, new Rectangle2D.Double(-7, -1.5, 14, 3));
        marks.setSeriesPaint(0, Color.BLACK);
        barPlot.setRenderer(1, marks);
        barPlot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        barPlot.setBackgroundPaint(Color.WHITE);
        barPlot.setRangeGridlinePaint(new Color(0xdddddd));
        barChart = new JFreeChart(null, SMALL, barPlot, false);
        barChart.setBackgroundPaint(Color.WHITE);
        barChart.addSubtitle(new TextTitle("share per queue now (bars) vs the table's share (black marks)",
                new Font(Font.SANS_SERIF, Font.BOLD, 12)));

        NumberAxis cpu = new NumberAxis("CPU");
        cpu.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        cpu.setTickLabelFont(SMALL);
        NumberAxis queue = new NumberAxis("queue");
        queue.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        queue.setTickLabelFont(SMALL);
        queue.setInverted(true);
        heatPlot = new XYPlot(heat, cpu, queue, heatRenderer);
        heatPlot.setBackgroundPaint(Color.WHITE);
        heatChart = new JFreeChart(null, SMALL, heatPlot, false);
        heatChart.setBackgroundPaint(Color.WHITE);
        heatChart.addSubtitle(new TextTitle("interrupts/s per queue and CPU", new Font(Font.SANS_SERIF, Font.BOLD, 12)));
    }

    public JFreeChart timeChart() {
        return timeChart;
    }

    public JFreeChart barChart() {
        return barChart;
    }

    public JFreeChart heatChart() {
        return heatChart;
    }

    /** Puts a frame on the charts; queues in {@code hidden} are left out of the time chart. Call on the FX thread. */
    public void show(ChartFrame f, Optional<IndirectionTable> table, Set<Integer> hidden) {
        // One repaint per chart per frame, not one per series changed.
        timeChart.setNotify(false);
        barChart.setNotify(false);
        heatChart.setNotify(false);
        try {
            updateLines(f, hidden);
            updateBars(f.latest(), table);
            updateHeat(f.latest());
        } finally {
            timeChart.setNotify(true);
            barChart.setNotify(true);
            heatChart.setNotify(true);
        }
    }

    private void updateLines(ChartFrame f, Set<Integer> hidden) {
        int n = f.queueCount();
        if (n != seriesShown) {
            for (int i = lines.getSeriesCount() - 1; i >= 0; i--) {
                lines.removeSeries(lines.getSeriesKey(i));
            }
            for (int q = 0; q < n; q++) {
                lineRenderer.setSeriesPaint(q, Color.decode(QueuePalette.colour(q)));
                lineRenderer.setSeriesStroke(q, new BasicStroke(n > 16 ? 1.0f : 1.6f));
            }
            seriesShown = n;
        }
        for (int q = 0; q < n; q++) {
            double[][] xy = new double[2][f.points()];
            for (int p = 0; p < f.points(); p++) {
                xy[0][p] = f.times()[p];
                xy[1][p] = f.values()[q][p];
            }
            lines.addSeries("q" + q, xy);
            lineRenderer.setSeriesVisible(q, !hidden.contains(q), false);
        }
    }

    /** Whether queue q's line is drawn. */
    public boolean lineVisible(int q) {
        Boolean v = lineRenderer.getSeriesVisible(q);
        return v == null || v;
    }

    public int lineCount() {
        return lines.getSeriesCount();
    }

    public void setLineVisible(int q, boolean visible) {
        lineRenderer.setSeriesVisible(q, visible);
    }

    private void updateBars(RateSample s, Optional<IndirectionTable> table) {
        DefaultCategoryDataset b = new DefaultCategoryDataset();
        DefaultCategoryDataset e = new DefaultCategoryDataset();
        if (s != null) {
            double total = s.totalRxPps();
            for (int q = 0; q < s.queueCount(); q++) {
                String key = Integer.toString(q);
                double v = s.rxPps()[q];
                b.addValue(total > 0 && !Double.isNaN(v) ? v / total : 0, "observed", key);
                if (table.isPresent()) {
                    e.addValue(table.get().expectedShare(q), "expected", key);
                }
            }
        }
        bars = b;
        expected = e;
        barPlot.setDataset(0, bars);
        barPlot.setDataset(1, table.isPresent() ? expected : null);
        CategoryAxis axis = barPlot.getDomainAxis();
        axis.setTickLabelsVisible(s == null || s.queueCount() <= 32);
    }

    private void updateHeat(RateSample s) {
        DefaultXYZDataset d = new DefaultXYZDataset();
        double max = 1;
        if (s != null && s.queueCount() > 0 && s.irqPerSecondByCpu()[0].length > 0) {
            int cpus = s.irqPerSecondByCpu()[0].length;
            int n = s.queueCount() * cpus;
            double[][] xyz = new double[3][n];
            int i = 0;
            for (int q = 0; q < s.queueCount(); q++) {
                for (int c = 0; c < cpus; c++) {
                    double v = s.irqPerSecondByCpu()[q].length > c ? s.irqPerSecondByCpu()[q][c] : 0;
                    xyz[0][i] = c;
                    xyz[1][i] = q;
                    xyz[2][i] = v;
                    max = Math.max(max, v);
                    i++;
                }
            }
            d.addSeries("irq", xyz);
        }
        heatRenderer.setPaintScale(new HeatScale(max));
        heat = d;
        heatPlot.setDataset(heat);
    }

    /** Saves a chart as PNG. */
    public static void savePng(JFreeChart chart, File file, int width, int height) throws IOException {
        ChartUtils.saveChartAsPNG(file, chart, width, height);
    }

    /** White (idle) to deep blue (the busiest cell). */
    static final class HeatScale implements PaintScale {
        private final double max;

        HeatScale(double max) {
            this.max = max;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value / max));
            int r = (int) Math.round(255 - t * (255 - 0x1f));
            int g = (int) Math.round(255 - t * (255 - 0x4e));
            int b = (int) Math.round(255 - t * (255 - 0x9a));
            return new Color(r, g, b);
        }
    }
}
