package dev.nettune.ui.common;

/**
 * A stable colour per queue, so queue 5 has the same colour on every screen and in every run:
 * 16 hand-picked, well separated colours first, then generated hues for up to 64 queues.
 */
public final class QueuePalette {
    /** Queues 0..MAX_DISTINCT-1 get distinct colours; higher queues reuse them cyclically. */
    public static final int MAX_DISTINCT = 64;

    private static final String[] BASE = {
        "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
        "#9c755f", "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#17becf", "#bcbd22",
    };

    private static final String[] COLOURS = build();

    private QueuePalette() {
    }

    private static String[] build() {
        String[] c = new String[MAX_DISTINCT];
        System.arraycopy(BASE, 0, c, 0, BASE.length);
        for (int q = BASE.length; q < MAX_DISTINCT; q++) {
            // Golden-angle hue steps keep neighbours apart; three lightness bands separate near hues.
            double hue = ((q - BASE.length) * 137.508 + 20) % 360;
            int band = (q - BASE.length) % 3;
            double saturation = new double[] {0.55, 0.70, 0.40}[band];
            double brightness = new double[] {0.85, 0.65, 0.95}[band];
            c[q] = hsbToHex(hue, saturation, brightness);
        }
        return c;
    }

    /** The colour of a queue as {@code #rrggbb}. */
    public static String colour(int queue) {
        if (queue < 0) {
            throw new IllegalArgumentException(Messages.format("common.queueNegative", String.valueOf(queue)));
        }
        return COLOURS[queue % MAX_DISTINCT];
    }

    /** Black or white, whichever reads better on the queue's colour. */
    public static String textColour(int queue) {
        String c = colour(queue);
        int r = Integer.parseInt(c.substring(1, 3), 16);
        int g = Integer.parseInt(c.substring(3, 5), 16);
        int b = Integer.parseInt(c.substring(5, 7), 16);
        double luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
        return luminance > 0.6 ? "#1b1f24" : "#ffffff";
    }

    static String hsbToHex(double hue, double saturation, double brightness) {
        double h = (hue % 360) / 60;
        int sector = (int) Math.floor(h);
        double f = h - sector;
        double p = brightness * (1 - saturation);
        double q = brightness * (1 - saturation * f);
        double t = brightness * (1 - saturation * (1 - f));
        double r;
        double g;
        double b;
        switch (sector) {
            case 0 -> { r = brightness; g = t; b = p; }
            case 1 -> { r = q; g = brightness; b = p; }
            case 2 -> { r = p; g = brightness; b = t; }
            case 3 -> { r = p; g = q; b = brightness; }
            case 4 -> { r = t; g = p; b = brightness; }
            default -> { r = brightness; g = p; b = q; }
        }
        return String.format("#%02x%02x%02x", Math.round(r * 255), Math.round(g * 255), Math.round(b * 255));
    }
}
