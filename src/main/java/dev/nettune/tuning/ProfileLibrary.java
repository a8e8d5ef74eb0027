package dev.nettune.tuning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The profiles a user can pick: the built-in ones and their own, each saved as a readable JSON
 * file in {@code <config>/profiles/}; import and export copy such files in and out. The files are
 * read and written through the {@link ProfileFiles} port.
 */
public final class ProfileLibrary {
    private final Path dir;
    private final ProfileFiles files;

    public ProfileLibrary(Path dir, ProfileFiles files) {
        this.dir = dir;
        this.files = Objects.requireNonNull(files, "files");
    }

    public Path directory() {
        return dir;
    }

    /** Built-in profiles first, then the user's, by name. */
    public List<Profile> all() {
        return listing().profiles();
    }

    /** A saved profile file that cannot be used, and why: listed beside the profiles so that none silently disappears. */
    public record Unusable(Path file, dev.nettune.Phrase whyPhrase) {
        /** Why, in English. */
        public String why() {
            return whyPhrase.toString();
        }
    }

    /** The usable profiles (built-in first) and the saved files that cannot be used, with why. */
    public record Listing(List<Profile> profiles, List<Unusable> unusable) {
        public Listing {
            profiles = List.copyOf(profiles);
            unusable = List.copyOf(unusable);
        }
    }

    /** Reads every saved profile once: a broken file (or one a newer NetTune's limits refuse) must not hide the others. */
    public Listing listing() {
        List<Profile> out = new ArrayList<>(Profile.builtIn());
        List<Unusable> unusable = new ArrayList<>();
        for (Path f : files.jsonFiles(dir)) {
            try {
                out.add(read(f));
            } catch (TuningInputException e) {
                unusable.add(new Unusable(f, e.phrase()));
            }
        }
        return new Listing(out, unusable);
    }

    /**
     * A profile by built-in name, saved name or file path. The message of a miss lists what exists.
     */
    public Profile find(String nameOrFile) {
        for (Profile p : Profile.builtIn()) {
            if (p.name().equalsIgnoreCase(nameOrFile) || slug(p.name()).equals(nameOrFile)) {
                return p;
            }
        }
        Path f = Path.of(nameOrFile);
        if (files.isFile(f)) {
            return read(f);
        }
        Path saved = dir.resolve(slug(nameOrFile) + ".json");
        if (files.isFile(saved)) {
            return read(saved);
        }
        Optional<Profile> byName = all().stream().filter(p -> p.name().equalsIgnoreCase(nameOrFile)).findFirst();
        return byName.orElseThrow(() -> new TuningInputException(dev.nettune.Phrase.of("tuning.profile.none", "No profile '{0}': give a file, or one of: {1}.",
                nameOrFile, String.join(", ", all().stream().map(Profile::name).toList()))));
    }

    /** Reads and validates one profile file; every problem is a {@link TuningInputException} naming the file. */
    public Profile read(Path file) {
        try {
            if (files.size(file) > 4L * 1024 * 1024) {
                throw new TuningInputException(dev.nettune.Phrase.of("tuning.profile.tooLarge", "{0} is larger than 4 MB; that is not a NetTune profile.",
                        file.getFileName()));
            }
            String text = files.readUtf8(file);
            // Editors on Windows write a byte-order mark; it is not part of the JSON.
            return ChangeCodec.json().profileFromJson(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IOException e) {
            throw new TuningInputException(dev.nettune.Phrase.of("tuning.profile.unreadable", "Cannot read the profile {0} (not UTF-8 text, or unreadable).",
                    file.getFileName()));
        } catch (TuningInputException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            // A bare field name is what a null check says: tell which field and what a profile holds.
            // The reason keeps its phrase (a profile beyond the limits), so the list says it in the user's language.
            throw new TuningInputException(dev.nettune.Phrase.of("tuning.profile.inFile", "{0}: {1}", file.getFileName(),
                    m.matches("[A-Za-z]+") ? missingField(m) : e.phrase()));
        } catch (NullPointerException e) {
            throw new TuningInputException(dev.nettune.Phrase.of("tuning.profile.inFile", "{0}: {1}", file.getFileName(), missingField(e.getMessage())));
        }
    }

    // The JSON a profile is, quoted in the message as code (the same in every language).
    private static dev.nettune.Phrase missingField(String field) {
        return dev.nettune.Phrase.of("tuning.profile.missingField", "the field '{0}' is missing or null; a profile is {1}.", field,
                "{\"name\": \"...\", \"entries\": [...]}");
    }

    /** Saves a user profile as {@code <slug>.json} (atomically); built-in names are taken. */
    public Path save(Profile profile) {
        for (Profile b : Profile.builtIn()) {
            if (b.name().equalsIgnoreCase(profile.name())) {
                throw new TuningInputException(dev.nettune.Phrase.of("tuning.profile.builtInName", "'{0}' is a built-in profile: save yours under another name.",
                        profile.name()));
            }
        }
        Path target = dir.resolve(slug(profile.name()) + ".json");
        write(profile, target);
        return target;
    }

    /** Reads, validates and saves a profile file into the library. */
    public Profile importFile(Path file) {
        Profile p = read(file);
        save(p);
        return p;
    }

    /** Writes a profile (built-in or saved) to {@code file} for someone else. */
    public void export(String name, Path file) {
        write(find(name), file);
    }

    /** Writes a profile in {@code format} (JSON, an Ansible playbook, cloud-init user-data) to {@code file}. */
    public void export(String name, ProfileFormat format, Path file) {
        writeText(format.render(find(name)), file);
    }

    public void delete(String name) {
        files.delete(dir.resolve(slug(name) + ".json"));
    }

    private void write(Profile p, Path target) {
        writeText(ChangeCodec.json().toJson(p), target);
    }

    private void writeText(String text, Path target) {
        files.writeAtomically(target, text);
    }

    /** A file name for a profile name: lower case, runs of other characters as one '-'. */
    public static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "profile" : s;
    }
}
