package dev.nettune.ui.calculator;

/** How the calculator's indirection table is filled: one of {@code ethtool -X}'s modes, or a pasted table. */
public enum TableMode {
    EQUAL("equal N"),
    WEIGHT("weight W0 W1 ..."),
    DEFAULT("default"),
    PASTED("pasted ethtool -x");

    private final String label;

    TableMode(String label) {
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
