package dev.nettune.fleet;

import java.util.Locale;

/** How a fleet run reaches an instance: over SSH, through ECS Cloud Assistant, or a host NetTune brings along. */
public enum Transport {
    SSH("ssh"),
    CLOUD_ASSISTANT("cloud-assistant"),
    /** {@code sandbox} or {@code local}: no network in between. */
    BUILT_IN("built-in");

    private final String word;

    Transport(String word) {
        this.word = word;
    }

    /** The word the CLI takes after {@code --via} and the journal keeps. */
    public String word() {
        return word;
    }

    /** {@code ssh} or {@code cloud-assistant} (what {@code --via} accepts); {@code built-in} as the journal writes it. */
    public static Transport parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Transport v : values()) {
            if (v.word.equals(t) || v.name().toLowerCase(Locale.ROOT).equals(t)) {
                return v;
            }
        }
        throw new FleetInputException(dev.nettune.Phrase.of("fleet.transport.bad", "Not a transport: '{0}'. Allowed: ssh, cloud-assistant.", text));
    }

    @Override
    public String toString() {
        return word;
    }
}
