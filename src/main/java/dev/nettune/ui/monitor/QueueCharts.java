package dev.nettune.ui.monitor;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.QueuePalette;
import dev.nettune.monitor.ChartFrame;
import dev.nettune.monitor.RateSample;
import dev.nettune.rss.IndirectionTable;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.RangeType;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
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
    private final Font small = dev.nettune.ui.common.Fonts.chart(Font.PLAIN, 11);

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
    private final PaintScaleLegend heatLegend;
    private final NumberAxis heatLegendAxis = new NumberAxis(dev.nettune.ui.common.Messages.get("monitor.chart.irqAxis"));
    private HeatScale heatScale = new HeatScale(1, false);
    private boolean dark;
    private int seriesShown = -1;

    public QueueCharts() {
        DateAxis time = new DateAxis();
        time.setTickLabelFont(small);
        NumberAxis pps = new NumberAxis(dev.nettune.ui.common.Messages.get("monitor.chart.ppsAxis"));
        pps.setTickLabelFont(small);
        pps.setAutoRangeIncludesZero(true);
        // With no traffic every value is 0: a minimum range and positive-only keep the axis at 0..10, not 5E-9..-5E-9.
        pps.setRangeType(RangeType.POSITIVE);
        pps.setAutoRangeMinimumSize(MIN_PPS_RANGE);
        pps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(lines, time, pps, lineRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        timeChart = new JFreeChart(null, small, plot, false);
        timeChart.setBackgroundPaint(Color.WHITE);
        timeChart.addSubtitle(new TextTitle(dev.nettune.ui.common.Messages.get("monitor.chart.ppsTitle"), dev.nettune.ui.common.Fonts.chart(Font.BOLD, 12)));

        CategoryAxis queues = new CategoryAxis(dev.nettune.ui.common.Messages.get("monitor.chart.queueAxis"));
        queues.setTickLabelFont(small);
        queues.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        queues.setCategoryMargin(0.1);
        NumberAxis share = new NumberAxis(dev.nettune.ui.common.Messages.get("monitor.chart.shareAxis"));
        share.setTickLabelFont(small);
        share.setNumberFormatOverride(new NonNegativePercent());
        share.setRangeType(RangeType.POSITIVE);
        share.setAutoRangeMinimumSize(MIN_SHARE_RANGE);
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
        barChart = new JFreeChart(null, small, barPlot, false);
        barChart.setBackgroundPaint(Color.WHITE);
        barChart.addSubtitle(new TextTitle(dev.nettune.ui.common.Messages.get("monitor.chart.shareTitle"),
                dev.nettune.ui.common.Fonts.chart(Font.BOLD, 12)));

        NumberAxis cpu = new NumberAxis("CPU");
        cpu.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        cpu.setTickLabelFont(small);
        NumberAxis queue = new NumberAxis(dev.nettune.ui.common.Messages.get("monitor.chart.queueAxis"));
        queue.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        queue.setTickLabelFont(small);
        queue.setInverted(true);
        heatPlot = new XYPlot(heat, cpu, queue, heatRenderer);
        heatPlot.setBackgroundPaint(Color.WHITE);
        // Without per-CPU interrupt counts (none sampled yet, or a source that has none) the map says so instead of staying blank.
        heatPlot.setNoDataMessage(dev.nettune.ui.common.Messages.get("monitor.heat.noData"));
        heatPlot.setNoDataMessageFont(small);
        heatChart = new JFreeChart(null, small, heatPlot, false);
        heatChart.setBackgroundPaint(Color.WHITE);
        heatChart.addSubtitle(new TextTitle(dev.nettune.ui.common.Messages.get("monitor.chart.irqTitle"), dev.nettune.ui.common.Fonts.chart(Font.BOLD, 12)));
        heatLegendAxis.setTickLabelFont(small);
        heatLegendAxis.setLabelFont(small);
        heatLegendAxis.setRange(0, 1);
        heatLegend = new PaintScaleLegend(heatScale, heatLegendAxis);
        heatLegend.setPosition(RectangleEdge.RIGHT);
        heatLegend.setStripWidth(12);
        heatLegend.setMargin(4, 4, 4, 8);
        heatLegend.setAxisOffset(4);
        heatChart.addSubtitle(heatLegend);
        setDark(false);
    }

    /** The smallest rx packets/s axis: an idle NIC reads 0 to 10, not a range of rounding noise. */
    static final double MIN_PPS_RANGE = 10;
    /** The smallest share axis (25 %). */
    static final double MIN_SHARE_RANGE = 0.25;

    /** Colours for the light or the dark theme (charts are drawn with Java2D; CSS does not reach them). */
    public void setDark(boolean on) {
        dark = on;
        Color background = on ? new Color(0x0d1117) : Color.WHITE;
        Color text = on ? new Color(0xc9d1d9) : new Color(0x24292f);
        Color grid = on ? new Color(0x30363d) : new Color(0xdddddd);
        for (JFreeChart c : List.of(timeChart, barChart, heatChart)) {
            c.setBackgroundPaint(background);
            for (int i = 0; i < c.getSubtitleCount(); i++) {
                if (c.getSubtitle(i) instanceof TextTitle t) {
                    t.setPaint(text);
                }
            }
        }
        XYPlot time = timeChart.getXYPlot();
        time.setBackgroundPaint(background);
        time.setDomainGridlinePaint(grid);
        time.setRangeGridlinePaint(grid);
        barPlot.setBackgroundPaint(background);
        barPlot.setRangeGridlinePaint(grid);
        heatPlot.setBackgroundPaint(background);
        heatPlot.setNoDataMessagePaint(text);
        List<org.jfree.chart.axis.Axis> axes = List.of(time.getDomainAxis(), time.getRangeAxis(), barPlot.getDomainAxis(),
                barPlot.getRangeAxis(), heatPlot.getDomainAxis(), heatPlot.getRangeAxis(), heatLegendAxis);
        for (var a : axes) {
            a.setLabelPaint(text);
            a.setTickLabelPaint(text);
            a.setAxisLinePaint(grid);
            a.setTickMarkPaint(grid);
        }
        ((LineAndShapeRenderer) barPlot.getRenderer(1)).setSeriesPaint(0, on ? Color.WHITE : Color.BLACK);
        heatLegend.setBackgroundPaint(background);
        heatScale = new HeatScale(heatScale.getUpperBound(), on);
        heatRenderer.setPaintScale(heatScale);
        heatLegend.setScale(heatScale);
    }

    public boolean dark() {
        return dark;
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
        heatScale = new HeatScale(max, dark);
        heatRenderer.setPaintScale(heatScale);
        heatLegend.setScale(heatScale);
        heatLegendAxis.setRange(0, max);
        heat = d;
        heatPlot.setDataset(heat);
    }

    /**
     * The picture an export writes: a caption line (host, NIC, time span), the time chart, a legend of
     * the queues shown, and the share bars. Draw on the FX thread (the charts change there); write the
     * image to a file on a worker.
     */
    public BufferedImage exportImage(String caption, Set<Integer> hidden, int width) {
        int captionHeight = 34;
        int lineHeight = 420;
        int queues = lines.getSeriesCount();
        int perRow = Math.max(1, (width - 40) / 70);
        int legendRows = queues == 0 ? 1 : (queues + perRow - 1) / perRow;
        int legendHeight = 12 + legendRows * 20;
        int barHeight = 300;
        BufferedImage image = new BufferedImage(width, captionHeight + lineHeight + legendHeight + barHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Color background = dark ? new Color(0x0d1117) : Color.WHITE;
            Color text = dark ? new Color(0xc9d1d9) : new Color(0x24292f);
            g.setColor(background);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(text);
            g.setFont(dev.nettune.ui.common.Fonts.chart(Font.BOLD, 14));
            g.drawString(caption, 12, 22);
            timeChart.draw(g, new Rectangle2D.Double(0, captionHeight, width, lineHeight));
            g.setFont(dev.nettune.ui.common.Fonts.chart(Font.PLAIN, 12));
            int y = captionHeight + lineHeight + 8;
            if (queues == 0) {
                g.setColor(text);
                g.drawString(Messages.get("monitor.png.noQueues"), 20, y + 12);
            }
            for (int q = 0; q < queues; q++) {
                int x = 20 + (q % perRow) * 70;
                int row = y + (q / perRow) * 20;
                g.setColor(Color.decode(QueuePalette.colour(q)));
                g.fillRect(x, row + 2, 12, 12);
                g.setColor(text);
                g.drawString("q" + q + (hidden.contains(q) ? " (off)" : ""), x + 16, row + 13);
            }
            barChart.draw(g, new Rectangle2D.Double(0, captionHeight + lineHeight + legendHeight, width, barHeight));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes an image as PNG (call on a worker: it is file I/O). */
    public static void writePng(BufferedImage image, File file) throws IOException {
        if (!ImageIO.write(image, "png", file)) {
            throw new IOException("No PNG writer in this Java runtime.");
        }
    }

    /** A percent format that never shows "-0%" for a value that rounds to zero. */
    static final class NonNegativePercent extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final NumberFormat percent = NumberFormat.getPercentInstance(Locale.ROOT);

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return percent.format(Math.abs(number) < 0.005 ? 0.0 : number, toAppendTo, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return percent.format(number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return percent.parse(source, parsePosition);
        }
    }

    /**
     * An idle cell's colour, a step off the plot's background, to deep blue (light theme) or bright blue (dark theme) for
     * the busiest cell. Idle cells were the background colour itself, so a map with no interrupts yet, or with the busy
     * cells few and faint, read as an empty chart in the dark theme.
     */
    static final class HeatScale implements PaintScale {
        private final double max;
        private final boolean dark;

        HeatScale(double max, boolean dark) {
            this.max = max;
            this.dark = dark;
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
            Color from = idle(dark);
            Color to = dark ? new Color(0x58a6ff) : new Color(0x1f4e9a);
            return new Color(mix(from.getRed(), to.getRed(), t), mix(from.getGreen(), to.getGreen(), t), mix(from.getBlue(), to.getBlue(), t));
        }

        /** The idle cell: visibly apart from the plot background of either theme (0x0d1117 dark, white light). */
        static Color idle(boolean dark) {
            return dark ? new Color(0x21262d) : new Color(0xeaeef2);
        }

        private static int mix(int a, int b, double t) {
            return (int) Math.round(a + (b - a) * t);
        }
    }
}
