package dev.nettune.monitor;

/** The seed's two verification scenarios. */
public enum Scenario {
    /** Many SYNs, source port counting up from a base port: does traffic spread as the table says? */
    SPREAD(1, "Spread: many flows should fill the queues in the table's proportions"),
    /** One fixed 4-tuple: do all its packets land in the queue the calculator predicts? */
    FIXED_FLOW(2, "Fixed flow: one 4-tuple should land in exactly the predicted queue");

    private final int number;
    private final String description;

    Scenario(int number, String description) {
        this.number = number;
        this.description = description;
    }

    public int number() {
        return number;
    }

    public String description() {
        return description;
    }

    public static Scenario ofNumber(int n) {
        for (Scenario s : values()) {
            if (s.number == n) {
                return s;
            }
        }
        throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.scenario.none", "There is no scenario {0}: use 1 (spread over the queues)"
                + " or 2 (one fixed flow).", n));
    }
}
