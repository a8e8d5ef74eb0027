package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.monitor.ChartFrame;
import dev.nettune.monitor.Imbalance;
import dev.nettune.monitor.QueueMetric;
import dev.nettune.monitor.RateSample;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Monitor's interrupts heat map (interrupts/s per queue and CPU) drawn as the screen draws it, in the light and the dark
 * theme: the cells of the queues that take interrupts show, the idle cells are told apart from the plot's background.
 */
class HeatMapThemeTest {
    private static final int QUEUES = 4;
    private static final int CPUS = 4;

    /** Queue q interrupts on CPU q, at {@code rate} + 500 q per second (none when rate is 0); every other cell is idle. */
    private static ChartFrame frame(double rate, int cpus) {
        double[][] byCpu = new double[QUEUES][cpus];
        double[] perQueue = new double[QUEUES];
        for (int q = 0; q < QUEUES && cpus > 0; q++) {
            byCpu[q][q] = rate == 0 ? 0 : rate + 500 * q;
            perQueue[q] = byCpu[q][q];
        }
        double[] nan = new double[QUEUES];
        java.util.Arrays.fill(nan, 100);
        RateSample s = new RateSample(1000, 1, QUEUES, nan, nan, nan, nan, perQueue, byCpu, new double[cpus], new long[QUEUES], "test");
        return new ChartFrame(QueueMetric.values()[0], QUEUES, new long[] {1000}, new float[QUEUES][1], s, Imbalance.of(perQueue), List.of());
    }

    private static BufferedImage draw(boolean dark, double rate, int cpus) {
        QueueCharts charts = new QueueCharts();
        charts.setDark(dark);
        charts.show(frame(rate, cpus), Optional.empty(), Set.of());
        return charts.heatChart().createBufferedImage(640, 400);
    }

    /** Pixels of the heat scale's hot end (blue clearly above red and green), i.e. busy cells. */
    private static long busyPixels(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color c = new Color(img.getRGB(x, y));
                if (c.getBlue() > 120 && c.getBlue() - c.getRed() > 50) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long pixelsOf(BufferedImage img, Color colour) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) == colour.getRGB()) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void inTheDarkThemeTheBusyCellsShow() {
        BufferedImage img = draw(true, 1000, CPUS);

        assertThat(busyPixels(img)).as("busy cells drawn").isGreaterThan(4 * 500);
    }

    @Test
    void inTheLightThemeTheBusyCellsShow() {
        BufferedImage img = draw(false, 1000, CPUS);

        assertThat(busyPixels(img)).as("busy cells drawn").isGreaterThan(4 * 500);
    }

    @Test
    void inTheDarkThemeIdleCellsStandApartFromTheBackgroundSoAQuietMapIsNotBlank() {
        BufferedImage img = draw(true, 0, CPUS);

        // 16 idle cells fill most of the plot: far more than axis lines and text could make of one colour.
        assertThat(pixelsOf(img, QueueCharts.HeatScale.idle(true))).isGreaterThan(20_000);
        assertThat(QueueCharts.HeatScale.idle(true)).isNotEqualTo(new Color(0x0d1117));
    }

    @Test
    void inTheDarkThemeAMapWithoutPerCpuCountsSaysSoInsteadOfStayingBlank() {
        BufferedImage blank = draw(true, 0, 0);

        // The message is drawn in the theme's text colour (anti-aliased: count the light pixels in the plot area).
        long light = 0;
        for (int y = 60; y < 340; y++) {
            for (int x = 80; x < 520; x++) {
                Color c = new Color(blank.getRGB(x, y));
                if (c.getRed() > 120 && c.getGreen() > 120) {
                    light++;
                }
            }
        }
        assertThat(light).isGreaterThan(50);
    }
}
