package dev.nettune.store;

import dev.nettune.Phrase;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.jsontype.NamedType;
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
            .addMixIn(ProfileEntry.class, TypeNamed.class)
            .addMixIn(Change.class, TypeNamed.class)
            .addMixIn(Profile.class, ProfileMixIn.class);

    /** Both kinds of base type carry the type name as {@code "type"}; which names there are is registered once, below. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private interface TypeNamed {
    }

    /** A profile file says {@code "unrestricted": true} only when it is; an ordinary profile's file stays as it was. */
    private abstract static class ProfileMixIn {
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract boolean unrestricted();
    }

    /** Every concrete change and every profile intent, with the type name the journal and profile files spell. */
    private static final NamedType[] TYPE_NAMES = {
            new NamedType(SysctlChange.class, "sysctl"),
            new NamedType(FileChange.class, "file"),
            new NamedType(SysctlFileChange.class, "sysctl-file"),
            new NamedType(SmcChange.class, "smc"),
            new NamedType(NetworkManagerChange.class, "networkmanager"),
            new NamedType(RssKeyChange.class, "rss-key"),
            new NamedType(RssTableChange.class, "rss-table"),
            new NamedType(XpsChange.class, "xps"),
            new NamedType(IrqAffinityChange.class, "irq-affinity"),
            new NamedType(ChannelChange.class, "channels"),
            new NamedType(ServiceChange.class, "service"),
            new NamedType(ProfileEntry.PersistSysctls.class, "persist-sysctls"),
            new NamedType(XpsChange.Spread.class, "xps-spread"),
            new NamedType(BootReapply.class, "persist-boot"),
            new NamedType(ProfileEntry.BanIrqs.class, "irqbalance-ban"),
            new NamedType(ProfileEntry.PersistSmc.class, "persist-smc"),
            new NamedType(ProfileEntry.PersistNetworkManager.class, "persist-networkmanager")
    };

    static {
        JSON.registerSubtypes(TYPE_NAMES);
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
            throw new TuningInputException(Phrase.of("store.codec.unreadableChange", "This journaled change cannot be read back: {0}",
                    e.getOriginalMessage()));
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
            // The profile's own refusal (a bad value), in the user's language when it has a phrase.
            throw new TuningInputException(cause != null && cause.getMessage() != null ? Phrase.from(cause)
                    : Phrase.literal(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new TuningInputException(Phrase.of("store.codec.notAProfile", "Not a NetTune profile: {0}{1}", e.getOriginalMessage(),
                    e.getLocation() != null ? Phrase.of("store.codec.atLine", " (line {0})", e.getLocation().getLineNr()) : ""));
        }
    }
}
