package dev.nettune.cloud;

import dev.nettune.Phrase;

/**
 * The position of an ENI on its instance: 0 is the primary ENI, secondary ENIs take 1 and up.
 * ECS assigns it on attach (AttachNetworkInterface has no DeviceIndex parameter), so NetTune
 * treats a requested index as the expectation it verifies after attaching.
 */
public record DeviceIndex(int value) {
    /** The highest index NetTune accepts; instance types allow far fewer ENIs than this. */
    public static final int MAX = 31;

    public DeviceIndex {
        if (value < 0 || value > MAX) {
            throw new CloudInputException(Phrase.of("cloud.deviceIndex.outOfRange",
                    "Device index {0} is out of range: 0 is the primary ENI, secondary ENIs use 1-{1}.", value, MAX));
        }
    }

    public static DeviceIndex of(int value) {
        return new DeviceIndex(value);
    }

    public static DeviceIndex parse(String text) {
        try {
            if (text == null || !text.strip().matches("[0-9]{1,4}")) {
                throw new NumberFormatException();
            }
            return new DeviceIndex(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw new CloudInputException(Phrase.of("cloud.deviceIndex.bad",
                    "'{0}' is not a device index: use a whole number, 1-{1} for a secondary ENI.", String.valueOf(text), MAX));
        }
    }

    public boolean isPrimary() {
        return value == 0;
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
