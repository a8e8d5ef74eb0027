package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.NicRssReader;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.Reading;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.RssKey;
import java.util.List;
import java.util.Optional;

/**
 * A NIC's RSS hash key, set with {@code ethtool -X NIC hkey KEY}. Temporary on an ENI (lost on reboot
 * or re-attach), hence the boot re-apply unit; and it re-hashes every live connection.
 */
public record RssKeyChange(String nic, String key) implements Change {
    public RssKeyChange {
        TuningInputException.checkNic(nic);
        try {
            String k = key == null ? "" : key.strip();
            int bytes = k.contains(":") || k.contains("-") || k.contains(" ") ? k.split("[:\\-\\s]+").length
                    : k.replaceFirst("^0[xX]", "").length() / 2;
            key = RssKey.parse(k, Math.max(bytes, 1)).toColonHex();
        } catch (RssInputException e) {
            throw new TuningInputException(Phrase.of("tuning.rssKey.bad", "RSS key for {0}: {1}", nic, e));
        }
    }

    @Override
    public String target() {
        return "rss-key " + nic;
    }

    @Override
    public dev.nettune.Phrase titlePhrase() {
        return dev.nettune.Phrase.of("tuning.title.rssKey", "RSS hash key of {0}", nic);
    }


    @Override
    public String desired() {
        return key;
    }

    @Override
    public List<Command> readCommands() {
        return List.of(NicRssReader.command(nic));
    }

    @Override
    public Reading<String> read(List<CommandResult> results) {
        return Change.readTool(results.get(0), "ethtool -x " + nic, out -> {
            EthtoolRss rss = NicRssReader.parse(out);
            if (rss.key().isEmpty()) {
                return Reading.unknown(Phrase.of("tuning.read.noKey", "{0} has no settable RSS key ({1})", nic,
                        rss.keyReason().<Object>map(p -> p).orElse(Phrase.of("tuning.read.ethtoolShowsNone", "ethtool -x shows none"))));
            }
            return Reading.known(rss.key().get().toColonHex());
        });
    }

    @Override
    public List<Phrase> problemsGiven(String current) {
        int have = current.split(":").length;
        int want = key.split(":").length;
        if (have != want) {
            return List.of(Phrase.of("tuning.rssKey.length", "The RSS key has {0} bytes but {1} takes {2} bytes ({3} hex digits).",
                    want, nic, have, have * 2));
        }
        return List.of();
    }

    @Override
    public List<Action> actions(String from, String to) {
        return List.of(new Action.Run(Command.of("ethtool", "-X", nic, "hkey", to).asRoot()));
    }

    @Override
    public Optional<String> affectedNic() {
        return Optional.of(nic);
    }

    @Override
    public boolean canCutSession() {
        return true;
    }

    @Override
    public List<Phrase> warnings(String before, HostFacts facts) {
        return List.of(Phrase.of("tuning.rssKey.warning", "A new key re-hashes every live connection on {0}: expect brief reordering"
                + " or retransmits; do it off-peak. The key is lost on reboot or ENI re-attach unless persisted.", nic));
    }
}
