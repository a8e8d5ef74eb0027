package dev.nettune.cloud;

import dev.nettune.Phrase;
import java.util.regex.Pattern;

/** An Alibaba Cloud region id such as {@code cn-hongkong} or {@code ap-southeast-1}, or the local {@code sandbox}. */
public record RegionId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z]{2,}(-[a-z0-9]+){0,4}");
    /** The simulated region served by the built-in local OpenAPI server. */
    public static final RegionId SANDBOX = new RegionId("sandbox");

    public RegionId {
        if (value == null || value.isBlank()) {
            throw new CloudInputException(Phrase.of("cloud.region.empty", "The region is empty; give a region id such as cn-hongkong or ap-southeast-1."));
        }
        value = value.strip();
        if (value.length() > 32 || !SHAPE.matcher(value).matches()) {
            throw new CloudInputException(Phrase.of("cloud.region.bad", "'{0}' is not a region id: use lower-case words joined by '-', "
                    + "such as cn-hongkong, cn-hangzhou or ap-southeast-1 (or 'sandbox' for the local simulated region).", value));
        }
    }

    public static RegionId of(String value) {
        return new RegionId(value);
    }

    public boolean isSandbox() {
        return this.equals(SANDBOX);
    }

    @Override
    public String toString() {
        return value;
    }
}
