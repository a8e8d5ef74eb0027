package dev.nettune.cloud;

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
            throw new CloudInputException("Device index " + value + " is out of range: 0 is the primary ENI, secondary ENIs use 1-" + MAX + ".");
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
            throw new CloudInputException("'" + text + "' is not a device index: use a whole number, 1-" + MAX + " for a secondary ENI.");
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
