package dev.nettune.linux;

import dev.nettune.Phrase;
import java.util.Map;

/** What {@code ethtool -i NIC} says about a NIC's driver: name, version, firmware and bus address. */
public record DriverInfo(String driver, String version, String firmwareVersion, String busInfo) {

    /** Parses {@code ethtool -i} output (extra lines such as "ethtool version 6.1" are ignored). */
    public static DriverInfo parse(String output) {
        Map<String, String> fields = KeyValueLines.parse(output, ':');
        String driver = fields.get("driver");
        if (driver == null || driver.isEmpty()) {
            throw new LinuxParseException(Phrase.of("linux.parse.notEthtoolI", "Not ethtool -i output: no 'driver:' line in '{0}'.",
                    KeyValueLines.firstLine(output)));
        }
        return new DriverInfo(driver, fields.getOrDefault("version", ""), fields.getOrDefault("firmware-version", ""),
                fields.getOrDefault("bus-info", ""));
    }

    /** Prints the report in the layout of {@code ethtool -i}. */
    public String format() {
        return "driver: " + driver + "\nversion: " + version + "\nfirmware-version: " + firmwareVersion
                + "\nexpansion-rom-version: \nbus-info: " + busInfo
                + "\nsupports-statistics: yes\nsupports-test: no\nsupports-eeprom-access: no\n"
                + "supports-register-dump: no\nsupports-priv-flags: no\n";
    }
}
