package dev.nettune.ui.calculator;

/** Where the calculator's indirection table comes from: one of {@code ethtool -X}'s fills, or a pasted {@code ethtool -x} table. */
public enum TableFill {
    EQUAL("equal N"),
    WEIGHT("weight W0 W1 ..."),
    DEFAULT("default"),
    PASTED("pasted ethtool -x");

    private final String label;

    TableFill(String label) {
        this.label = label;
    }

    /** The label in the app's language (the English one is kept for reading the code). */
    public String label() {
        return dev.nettune.ui.common.Messages.get("calculator.tableFill." + name());
    }

    @Override
    public String toString() {
        return label();
    }
}
