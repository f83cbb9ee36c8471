package io.penguin.reports.render;

import io.penguin.reports.stats.Estimate;
import io.penguin.reports.stats.PairedTest;
import java.util.Locale;

/** Number formats shared by the renderers, so the table, the CSV and the page agree digit for digit. */
final class Format {

    private Format() {}

    static String score(double value) {
        return String.format(Locale.ROOT, "%.2f", noNegativeZero(value));
    }

    static String signed(double value) {
        return String.format(Locale.ROOT, "%+.2f", noNegativeZero(value));
    }

    /** -0.001 prints as 0.00, not -0.00. */
    private static double noNegativeZero(double value) {
        return Math.abs(value) < 0.005 ? 0.0 : value;
    }

    static String interval(Estimate estimate) {
        return "[" + score(estimate.low()) + ", " + score(estimate.high()) + "]";
    }

    static String signedInterval(Estimate estimate) {
        return "[" + signed(estimate.low()) + ", " + signed(estimate.high()) + "]";
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%+.1f%%", value);
    }

    static String p(double p) {
        if (p < 0.0001) {
            return "<0.0001";
        }
        return String.format(Locale.ROOT, "%.4f", p);
    }

    static String test(PairedTest test) {
        return String.format(
                Locale.ROOT,
                "W+ = %.1f, W- = %.1f, p = %s (%s), r = %+.2f",
                test.wPlus(),
                test.wMinus(),
                p(test.pValue()),
                test.method(),
                test.rankBiserial());
    }

    static String optional(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String cost(Double cost) {
        return cost == null ? "n/a" : String.format(Locale.ROOT, "%.4f", cost);
    }
}
