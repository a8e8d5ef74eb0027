package dev.nettune.ui.calculator;

/** The populations of flows the Distribution panel can measure. */
public enum PopulationChoice {
    HPING("Scenario 1: hping3 --rand-dest"),
    SWEEP("Port range sweep"),
    CSV("Flows from a CSV file");

    private final String label;

    PopulationChoice(String label) {
        this.label = label;
    }

    /** The label in the app's language (the English one is kept for reading the code). */
    public String label() {
        return dev.nettune.ui.common.Messages.get("calculator.populationChoice." + name());
    }

    @Override
    public String toString() {
        return label();
    }
}
