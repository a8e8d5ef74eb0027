package dev.nettune.tuning;

import java.util.ServiceLoader;

/**
 * Changes and profiles as readable JSON: in the journal (to undo later) and in profile files. A port:
 * the store adapter implements it with a JSON library and registers it in {@code META-INF/services},
 * so the domain reads and writes JSON without naming the adapter or the library.
 */
public interface ChangeCodec {
    String toJson(Change change);

    /** A journaled change; one that cannot be read back is a {@link TuningInputException} saying why. */
    Change fromJson(String json);

    String toJson(Profile profile);

    /** Reads a profile; a malformed file or an invalid value gives a message naming what is wrong. */
    Profile profileFromJson(String json);

    /** The codec the application ships (the one registered as a service). */
    static ChangeCodec json() {
        return Registered.CODEC;
    }

    /** Looks the codec up once, on first use. */
    final class Registered {
        static final ChangeCodec CODEC = ServiceLoader.load(ChangeCodec.class, ChangeCodec.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No ChangeCodec is registered in META-INF/services: the store adapter"
                        + " is missing from the class path."));

        private Registered() {
        }
    }
}
