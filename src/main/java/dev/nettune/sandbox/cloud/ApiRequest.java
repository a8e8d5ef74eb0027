package dev.nettune.sandbox.cloud;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One verified OpenAPI call as the simulated region sees it: its action, region and parameters. */
public final class ApiRequest {
    private final Map<String, String> parameters;

    ApiRequest(Map<String, String> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    public String action() {
        return parameters.getOrDefault("Action", "");
    }

    public String version() {
        return parameters.getOrDefault("Version", "");
    }

    /** The RegionId parameter; every call of ours requires it. */
    public String regionId() {
        return required("RegionId");
    }

    public Map<String, String> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    public Optional<String> optional(String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> OpenApiException.missingParameter(name));
    }

    public Optional<Integer> optionalInt(String name) {
        return optional(name).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw OpenApiException.invalidParameter(name, v, "It must be an integer.");
            }
        });
    }

    /** An integer within {@code [min, max]}, else InvalidParameter naming the range. */
    public Optional<Integer> optionalInt(String name, int min, int max) {
        Optional<Integer> value = optionalInt(name);
        value.ifPresent(v -> {
            if (v < min || v > max) {
                throw OpenApiException.invalidParameter(name, String.valueOf(v),
                        "Allowed values: " + min + " to " + max + ".");
            }
        });
        return value;
    }

    /** An integer from a fixed set, else InvalidParameter listing the set. */
    public Optional<Integer> optionalIntIn(String name, Set<Integer> allowed, String allowedText) {
        Optional<Integer> value = optionalInt(name);
        value.ifPresent(v -> {
            if (!allowed.contains(v)) {
                throw OpenApiException.invalidParameter(name, String.valueOf(v), "Allowed values: " + allowedText + ".");
            }
        });
        return value;
    }

    public Optional<Boolean> optionalBoolean(String name) {
        return optional(name).map(v -> {
            if ("true".equalsIgnoreCase(v)) {
                return true;
            }
            if ("false".equalsIgnoreCase(v)) {
                return false;
            }
            throw OpenApiException.invalidParameter(name, v, "Allowed values: true, false.");
        });
    }

    /** A RepeatList parameter ({@code Name.1}, {@code Name.2}, ...), in order, gaps ending the list. */
    public List<String> list(String name) {
        List<String> values = new ArrayList<>();
        for (int i = 1; ; i++) {
            String value = parameters.get(name + "." + i);
            if (value == null) {
                break;
            }
            values.add(value);
        }
        return values;
    }

    /** A JSON-array-of-strings parameter such as DescribeInstances' InstanceIds {@code ["i-1","i-2"]}. */
    public List<String> jsonStringArray(String name) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return List.of();
        }
        String text = raw.get().trim();
        if (!text.startsWith("[") || !text.endsWith("]")) {
            throw OpenApiException.invalidParameter(name, text, "It must be a JSON array of strings, for example [\"i-1\",\"i-2\"].");
        }
        List<String> values = new ArrayList<>();
        for (String part : text.substring(1, text.length() - 1).split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            if (item.length() < 2 || !item.startsWith("\"") || !item.endsWith("\"")) {
                throw OpenApiException.invalidParameter(name, text, "It must be a JSON array of strings, for example [\"i-1\",\"i-2\"].");
            }
            values.add(item.substring(1, item.length() - 1));
        }
        return values;
    }
}
