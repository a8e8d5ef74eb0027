package dev.nettune.rss.dpdk;

import java.util.Locale;
import java.util.regex.Pattern;

/** A PCI device address in DPDK's {@code -a} form, {@code 0000:00:05.0}. */
public record PciAddress(String text) {
    private static final Pattern FORM = Pattern.compile("([0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]");

    public PciAddress {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!FORM.matcher(t).matches()) {
            throw new dev.nettune.rss.RssInputException(dev.nettune.Phrase.of("rss.dpdk.notPci", "'{0}' is not a PCI address: write"
                    + " domain:bus:device.function, for example 0000:00:05.0 (dpdk-devbind.py --status lists them).", text));
        }
        text = t.length() == 7 ? "0000:" + t : t;
    }

    public static PciAddress parse(String text) {
        return new PciAddress(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
