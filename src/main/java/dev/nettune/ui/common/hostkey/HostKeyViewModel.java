package dev.nettune.ui.common.hostkey;

import dev.nettune.ui.common.Messages;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.UnknownHostKey;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the host-key dialog shows and decides: the host, key type and SHA256 fingerprint, an
 * optional fingerprint the user pastes from the instance's console to compare, and the choice.
 * Refuse is the default; accepting is impossible while a pasted fingerprint disagrees.
 */
public final class HostKeyViewModel {
    private final UnknownHostKey key;
    private final StringProperty expectedFingerprint = new SimpleStringProperty("");
    private final ObjectProperty<HostKeyDecision.Choice> choice = new SimpleObjectProperty<>(HostKeyDecision.Choice.REFUSE);
    private final BooleanBinding mismatch;
    private final StringBinding comparison;

    public HostKeyViewModel(UnknownHostKey key) {
        this.key = key;
        mismatch = Bindings.createBooleanBinding(() -> {
            String e = normalized(expectedFingerprint.get());
            return !e.isEmpty() && !e.equals(normalized(key.fingerprint()));
        }, expectedFingerprint);
        comparison = Bindings.createStringBinding(() -> {
            String e = normalized(expectedFingerprint.get());
            if (e.isEmpty()) {
                return Messages.get("hostkey.compare.empty");
            }
            return e.equals(normalized(key.fingerprint()))
                    ? Messages.get("hostkey.compare.match")
                    : Messages.get("hostkey.compare.mismatch");
        }, expectedFingerprint);
    }

    /** Fingerprints compare without the "SHA256:" prefix, surrounding blanks or base64 padding. */
    private static String normalized(String fp) {
        String s = fp == null ? "" : fp.strip();
        if (s.toUpperCase(Locale.ROOT).startsWith("SHA256:")) {
            s = s.substring(7);
        }
        while (s.endsWith("=")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    public String title() {
        return Messages.format("hostkey.title", key.host());
    }

    public String host() {
        return key.host();
    }

    public String keyType() {
        return key.keyType();
    }

    public String fingerprint() {
        return key.fingerprint();
    }

    public String knownHostsFile() {
        return key.knownHostsFile().toString();
    }

    /** Where the key would be saved, and that only "Accept and save" writes there. */
    public String savedTo() {
        return Messages.format("hostkey.onlyWhenSaved", knownHostsFile());
    }

    /** A warning when known_hosts has another key type for the host; empty otherwise. */
    public String warning() {
        return key.otherKnownKeyTypes().isEmpty() ? ""
                : Messages.format("hostkey.otherKeyType", String.join(", ", key.otherKnownKeyTypes()));
    }

    public String explanation() {
        return Messages.format("hostkey.explanation", shortType());
    }

    private String shortType() {
        String t = key.keyType();
        if (t.contains("ed25519")) {
            return "ed25519";
        }
        if (t.contains("ecdsa")) {
            return "ecdsa";
        }
        return "rsa";
    }

    public StringProperty expectedFingerprintProperty() {
        return expectedFingerprint;
    }

    /** True when a pasted fingerprint disagrees with the host's: accepting is then disabled. */
    public BooleanBinding mismatchProperty() {
        return mismatch;
    }

    public StringBinding comparisonProperty() {
        return comparison;
    }

    public ObjectProperty<HostKeyDecision.Choice> choiceProperty() {
        return choice;
    }

    public HostKeyDecision.Choice choice() {
        return choice.get();
    }

    public void acceptOnce() {
        choice.set(mismatch.get() ? HostKeyDecision.Choice.REFUSE : HostKeyDecision.Choice.ACCEPT_ONCE);
    }

    public void acceptAndSave() {
        choice.set(mismatch.get() ? HostKeyDecision.Choice.REFUSE : HostKeyDecision.Choice.ACCEPT_AND_SAVE);
    }

    public void refuse() {
        choice.set(HostKeyDecision.Choice.REFUSE);
    }
}
