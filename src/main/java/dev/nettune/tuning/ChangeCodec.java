package dev.nettune.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nettune.ArchitectureException;

/** Changes and profiles as readable JSON: in the journal (to undo later) and in profile files. */
@ArchitectureException("Jackson's type names for the journal's and the profiles' JSON sit on the domain types (or, in ChangeCodec,"
        + " read them); moving them to mix-ins in a store-side codec also moves ProfileLibrary's file I/O out of tuning,"
        + " which the profile editor (tuninggui helper) is changing in this session.")
public final class ChangeCodec {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ChangeCodec() {
    }

    public static String toJson(Change change) {
        try {
            return JSON.writerFor(Change.class).without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + change.target() + " as JSON", e);
        }
    }

    public static Change fromJson(String json) {
        try {
            return JSON.readValue(json, Change.class);
        } catch (JsonProcessingException e) {
            throw new TuningInputException("This journaled change cannot be read back: " + e.getOriginalMessage());
        }
    }

    public static String toJson(Profile profile) {
        try {
            return JSON.writeValueAsString(profile) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write profile " + profile.name() + " as JSON", e);
        }
    }

    /** Reads a profile; a malformed file or an invalid value gives a message naming what is wrong. */
    public static Profile profileFromJson(String json) {
        try {
            return JSON.readValue(json, Profile.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            Throwable cause = e.getCause();
            throw new TuningInputException(cause != null && cause.getMessage() != null ? cause.getMessage()
                    : e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new TuningInputException("Not a NetTune profile: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        }
    }
}
