package dev.nettune.tuning;

import java.util.Locale;

/** The forms a profile is exported in: NetTune's own JSON, an Ansible playbook, cloud-init user-data. */
public enum ProfileFormat {
    JSON("json", ".json"),
    ANSIBLE("ansible", ".yml"),
    CLOUD_INIT("cloud-init", ".cloud-config.yml");

    private final String id;
    private final String extension;

    ProfileFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The name a user types: json, ansible, cloud-init. */
    public String id() {
        return id;
    }

    /** The usual file name ending for this form. */
    public String extension() {
        return extension;
    }

    /** The profile's text in this form. */
    public String render(Profile profile) {
        return switch (this) {
            case JSON -> ChangeCodec.json().toJson(profile);
            case ANSIBLE -> AnsiblePlaybook.render(profile);
            case CLOUD_INIT -> CloudInitUserData.render(profile);
        };
    }

    /** The format named {@code id}, or a message naming the ones there are. */
    public static ProfileFormat of(String id) {
        String t = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (ProfileFormat f : values()) {
            if (f.id.equals(t)) {
                return f;
            }
        }
        throw new TuningInputException(dev.nettune.Phrase.of("tuning.export.badFormat", "'{0}' is not an export format: use json, ansible or cloud-init.", id));
    }
}
