package dev.nettune.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.nettune.tuning.BootReapply;
import dev.nettune.tuning.Change;
import dev.nettune.tuning.ChangeCodec;
import dev.nettune.tuning.ChannelChange;
import dev.nettune.tuning.FileChange;
import dev.nettune.tuning.IrqAffinityChange;
import dev.nettune.tuning.NetworkManagerChange;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import dev.nettune.tuning.ServiceChange;
import dev.nettune.tuning.SmcChange;
import dev.nettune.tuning.SysctlChange;
import dev.nettune.tuning.SysctlFileChange;
import dev.nettune.tuning.TuningInputException;
import dev.nettune.tuning.XpsChange;

/**
 * The {@link ChangeCodec} over Jackson: the journal's and the profile files' JSON. The type names
 * ({@code "type": "sysctl"}, ...) sit on mix-ins here, so the tuning domain carries no JSON library.
 * Registered in {@code META-INF/services}, which is how the domain finds it without naming an adapter.
 */
public final class JacksonChangeCodec implements ChangeCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(ProfileEntry.class, ProfileEntryTypes.class)
            .addMixIn(Change.class, ChangeTypes.class);

    /** The type names of the concrete changes, as the journal and profile files spell them. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
    @JsonSubTypes.Type(value = SysctlChange.class, name = "sysctl"),
    @JsonSubTypes.Type(value = FileChange.class, name = "file"),
    @JsonSubTypes.Type(value = SysctlFileChange.class, name = "sysctl-file"),
    @JsonSubTypes.Type(value = SmcChange.class, name = "smc"),
    @JsonSubTypes.Type(value = NetworkManagerChange.class, name = "networkmanager"),
    @JsonSubTypes.Type(value = RssKeyChange.class, name = "rss-key"),
    @JsonSubTypes.Type(value = RssTableChange.class, name = "rss-table"),
    @JsonSubTypes.Type(value = XpsChange.class, name = "xps"),
    @JsonSubTypes.Type(value = IrqAffinityChange.class, name = "irq-affinity"),
    @JsonSubTypes.Type(value = ChannelChange.class, name = "channels"),
    @JsonSubTypes.Type(value = ServiceChange.class, name = "service"),
    })
    private interface ChangeTypes {
    }

    /** The type names of every profile line: the changes and the intents that expand into changes. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
    @JsonSubTypes.Type(value = SysctlChange.class, name = "sysctl"),
    @JsonSubTypes.Type(value = FileChange.class, name = "file"),
    @JsonSubTypes.Type(value = SysctlFileChange.class, name = "sysctl-file"),
    @JsonSubTypes.Type(value = SmcChange.class, name = "smc"),
    @JsonSubTypes.Type(value = NetworkManagerChange.class, name = "networkmanager"),
    @JsonSubTypes.Type(value = RssKeyChange.class, name = "rss-key"),
    @JsonSubTypes.Type(value = RssTableChange.class, name = "rss-table"),
    @JsonSubTypes.Type(value = XpsChange.class, name = "xps"),
    @JsonSubTypes.Type(value = IrqAffinityChange.class, name = "irq-affinity"),
    @JsonSubTypes.Type(value = ChannelChange.class, name = "channels"),
    @JsonSubTypes.Type(value = ServiceChange.class, name = "service"),
    @JsonSubTypes.Type(value = ProfileEntry.PersistSysctls.class, name = "persist-sysctls"),
    @JsonSubTypes.Type(value = XpsChange.Spread.class, name = "xps-spread"),
    @JsonSubTypes.Type(value = BootReapply.class, name = "persist-boot"),
    @JsonSubTypes.Type(value = ProfileEntry.BanIrqs.class, name = "irqbalance-ban"),
    @JsonSubTypes.Type(value = ProfileEntry.PersistSmc.class, name = "persist-smc"),
    @JsonSubTypes.Type(value = ProfileEntry.PersistNetworkManager.class, name = "persist-networkmanager"),
    })
    private interface ProfileEntryTypes {
    }

    @Override
    public String toJson(Change change) {
        try {
            return JSON.writerFor(Change.class).without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + change.target() + " as JSON", e);
        }
    }

    @Override
    public Change fromJson(String json) {
        try {
            return JSON.readValue(json, Change.class);
        } catch (JsonProcessingException e) {
            throw new TuningInputException("This journaled change cannot be read back: " + e.getOriginalMessage());
        }
    }

    @Override
    public String toJson(Profile profile) {
        try {
            return JSON.writeValueAsString(profile) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write profile " + profile.name() + " as JSON", e);
        }
    }

    @Override
    public Profile profileFromJson(String json) {
        try {
            return JSON.readValue(json, Profile.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            throw new TuningInputException(cause != null && cause.getMessage() != null ? cause.getMessage()
                    : e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new TuningInputException("Not a NetTune profile: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        }
    }
}
