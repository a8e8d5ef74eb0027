package dev.nettune.ui.calculator;

/** Where the calculator's indirection table comes from: one of {@code ethtool -X}'s fills, or a pasted {@code ethtool -x} table. */
public enum TableFill {
    /** equal N. */
    EQUAL,
    /** weight W0 W1 ... */
    WEIGHT,
    /** The driver's default. */
    DEFAULT,
    /** A pasted ethtool -x table. */
    PASTED;

    /** The label in the app's language (calculator.tableFill.* in the Messages bundles). */
    public String label() {
        return dev.nettune.ui.common.Messages.get("calculator.tableFill." + name());
    }

    @Override
    public String toString() {
        return label();
    }
}
