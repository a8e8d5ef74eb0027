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

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
