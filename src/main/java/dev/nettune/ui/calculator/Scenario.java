package dev.nettune.ui.calculator;

/** The populations of flows the Distribution panel can measure. */
public enum Scenario {
    HPING("Seed scenario 1: random destination ports (hping3 --rand-dest)"),
    SWEEP("Port range sweep"),
    CSV("Flows from a CSV file");

    private final String label;

    Scenario(String label) {
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
