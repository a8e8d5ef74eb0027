package dev.nettune.rss;

/**
 * Pearson's chi-square test of observed counts against expected ones: the statistic, its degrees
 * of freedom and the p-value (the chance that a truly uniform hash spreads at least this unevenly).
 */
public record ChiSquare(double statistic, int degreesOfFreedom, double pValue) {

    /** The test of {@code observed} against {@code expected}; cells expecting 0 are left out. */
    public static ChiSquare test(long[] observed, double[] expected) {
        if (observed.length != expected.length) {
            throw new IllegalArgumentException("observed and expected differ in length");
        }
        double chi = 0;
        int cells = 0;
        for (int i = 0; i < observed.length; i++) {
            if (expected[i] > 0) {
                double d = observed[i] - expected[i];
                chi += d * d / expected[i];
                cells++;
            }
        }
        int dof = Math.max(cells - 1, 0);
        return new ChiSquare(chi, dof, dof == 0 ? 1.0 : upperRegularizedGamma(dof / 2.0, chi / 2.0));
    }

    /** Q(a, x) = Γ(a, x) / Γ(a): series below a + 1, continued fraction above (Numerical Recipes' split). */
    static double upperRegularizedGamma(double a, double x) {
        if (x <= 0) {
            return 1.0;
        }
        if (x < a + 1) {
            double sum = 1.0 / a;
            double term = sum;
            for (int n = 1; n < 10_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-15) {
                    break;
                }
            }
            double p = sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
            return Math.max(0.0, 1.0 - p);
        }
        // Lentz's method for the continued fraction of Γ(a, x).
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return Math.min(1.0, Math.exp(-x + a * Math.log(x) - logGamma(a)) * h);
    }

    /** ln Γ(x) by Lanczos (g = 7, n = 9), accurate to ~1e-15 for x > 0. */
    static double logGamma(double x) {
        final double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
