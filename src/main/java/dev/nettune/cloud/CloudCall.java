package dev.nettune.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One API request as data: product ({@code ecs} or {@code vpc}), action and its parameters in
 * order. It is what a plan shows, what the journal keeps, and what the aliyun CLI and Terraform
 * exports are rendered from. Parameters marked {@code meta} are NetTune's own notes (not sent).
 */
public record CloudCall(String product, String action, List<Param> params) {
    public CloudCall {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(action, "action");
        params = List.copyOf(params);
    }

    /**
     * One parameter. {@code variable} names a shell variable holding a value only known at run time
     * (the id of an ENI created earlier in the plan). {@code raw} marks a parameter the SDK and the
     * aliyun CLI's metadata do not know (EnhancedNetwork.EnableRss). {@code meta} is never sent.
     */
    public record Param(String name, String value, boolean variable, boolean raw, boolean meta) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public Optional<String> get(String name) {
        return params.stream().filter(p -> p.name().equals(name)).map(Param::value).findFirst();
    }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<Param> sent() {
        return params.stream().filter(p -> !p.meta()).toList();
    }

    public boolean hasRawParams() {
        return params.stream().anyMatch(p -> p.raw() && !p.meta());
    }

    /** Builds a call parameter by parameter, in the order the user will read them. */
    public static Builder builder(String product, String action) {
        return new Builder(product, action);
    }

    /** Collects parameters in order. */
    public static final class Builder {
        private final String product;
        private final String action;
        private final List<Param> params = new ArrayList<>();

        private Builder(String product, String action) {
            this.product = product;
            this.action = action;
        }

        public Builder put(String name, Object value) {
            params.add(new Param(name, String.valueOf(value), false, false, false));
            return this;
        }

        public Builder putRaw(String name, Object value) {
            params.add(new Param(name, String.valueOf(value), false, true, false));
            return this;
        }

        public Builder putMeta(String name, Object value) {
            params.add(new Param(name, String.valueOf(value), false, false, true));
            return this;
        }

        /** An ENI: its id, or the variable that will hold the id of the ENI an earlier step creates. */
        public Builder putEni(String name, NetworkInterfaceRef ref, PlanNames names) {
            if (ref instanceof NetworkInterfaceRef.Existing e) {
                return put(name, e.id().value());
            }
            NetworkInterfaceRef.Created c = (NetworkInterfaceRef.Created) ref;
            params.add(new Param(name, names.variableFor(c.token()), true, false, false));
            params.add(new Param(name + ".ClientToken", c.token().value(), false, false, true));
            return this;
        }

        public CloudCall build() {
            return new CloudCall(product, action, params);
        }
    }
}
