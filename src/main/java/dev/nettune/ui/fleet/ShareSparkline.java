package dev.nettune.ui.fleet;

import dev.nettune.ui.common.QueuePalette;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A table cell's small drawing: either each queue's share as a bar (coloured as the Monitor colours its
 * queues, a dashed line at the even share) or a line of the imbalance trend (gaps break it). Drawn on a
 * fixed-size canvas so a thousand rows cost no layout.
 */
final class ShareSparkline extends Canvas {
    static final double WIDTH = 160;
    static final double HEIGHT = 22;

    ShareSparkline() {
        super(WIDTH, HEIGHT);
    }

    /** One bar per queue, height = share relative to the largest (an even spread is a flat row). */
    void shares(float[] shares) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        int n = shares.length;
        if (n == 0) {
            return;
        }
        float max = 0;
        for (float s : shares) {
            if (!Float.isNaN(s)) {
                max = Math.max(max, s);
            }
        }
        if (max <= 0) {
            return;
        }
        double w = WIDTH / n;
        for (int q = 0; q < n; q++) {
            float s = shares[q];
            if (Float.isNaN(s)) {
                continue;
            }
            double h = (HEIGHT - 2) * s / max;
            g.setFill(Color.web(QueuePalette.colour(q)));
            g.fillRect(q * w, HEIGHT - h, Math.max(1, w - (w > 3 ? 1 : 0)), h);
        }
        double even = (HEIGHT - 2) * (1.0 / n) / max;
        g.setStroke(Color.GRAY);
        g.setLineDashes(3, 3);
        g.strokeLine(0, HEIGHT - even, WIDTH, HEIGHT - even);
        g.setLineDashes();
    }

    /** The imbalance (max/mean) over time, scaled from 1 (even) to the largest seen, oldest on the left. */
    void trend(float[] trend) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        if (trend.length < 2) {
            return;
        }
        float max = 1.5f;
        for (float v : trend) {
            if (!Float.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        g.setStroke(Color.web("#d9822b"));
        g.setLineWidth(1.5);
        double dx = WIDTH / (trend.length - 1);
        boolean drawing = false;
        for (int i = 0; i < trend.length; i++) {
            float v = trend[i];
            if (Float.isNaN(v)) {
                if (drawing) {
                    g.stroke();
                }
                drawing = false;
                continue;
            }
            double y = HEIGHT - 1 - (HEIGHT - 2) * (v - 1) / (max - 1);
            if (!drawing) {
                g.beginPath();
                g.moveTo(i * dx, y);
                drawing = true;
            } else {
                g.lineTo(i * dx, y);
            }
        }
        if (drawing) {
            g.stroke();
        }
    }
}
