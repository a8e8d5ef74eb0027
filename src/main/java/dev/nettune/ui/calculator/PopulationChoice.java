package dev.nettune.ui.calculator;

/** The populations of flows the Distribution panel can measure. */
public enum PopulationChoice {
    /** Seed scenario 1: hping3 --rand-dest. */
    HPING,
    /** A port range sweep. */
    SWEEP,
    /** Flows from a CSV file. */
    CSV;

    /** The label in the app's language (calculator.populationChoice.* in the Messages bundles). */
    public String label() {
        return dev.nettune.ui.common.Messages.get("calculator.populationChoice." + name());
    }

    @Override
    public String toString() {
        return label();
    }
}
