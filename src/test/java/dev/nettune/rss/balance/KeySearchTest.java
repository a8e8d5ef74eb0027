package dev.nettune.rss.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeySearchTest {

    @Test
    void aFlowsHashIsTheXorOfItsSingleKeyBitHashesOverTheKeysSetBits() {
        SplittableRandom r = new SplittableRandom(3);
        for (Flow f : List.of(Flow.tcp("66.9.149.187", "161.142.100.80", 2794, 1766),
                Flow.tcp("3ffe:2501:200:1fff::7", "3ffe:2501:200:3::1", 2794, 1766),
                Flow.addressesOnly("10.0.0.1", "10.0.0.5"))) {
            int[] c = new int[320];
            KeySearch.registers(f.hashInput(), c);
            for (int t = 0; t < 20; t++) {
                byte[] k = new byte[40];
                r.nextBytes(k);
                int x = 0;
                for (int j = 0; j < 320; j++) {
                    if ((k[j >>> 3] & (0x80 >>> (j & 7))) != 0) {
                        x ^= c[j];
                    }
                }
                assertThat(x).as(f.toString()).isEqualTo(new ToeplitzHash(RssKey.of(k)).hash(f));
            }
        }
    }

    @Test
    void theFoundKeysLoadsAreWhatHashingEveryFlowAgainGives() {
        List<ObservedFlow> flows = SkewedFlows.generate(7, 4, 2000, 3000, false);
        IndirectionTable t = IndirectionTable.equal(128, 8, 0, java.util.OptionalInt.of(8));
        KeySearch.Result res = KeySearch.over(flows, RssKey.MICROSOFT, t.entries(), QueueSpan.of(t))
                .run(new KeySearch.Options(2000, 1), () -> false);
        assertThat(res.bucketLoads()).isEqualTo(BucketLoads.of(flows, new ToeplitzHash(res.key()), 128));
    }

    @Test
    void theSearchNeverReturnsAKeyWorseThanTheOneItStartsFrom() {
        for (long seed = 1; seed <= 5; seed++) {
            List<ObservedFlow> flows = SkewedFlows.generate(seed, 2, 50_000, 400, seed % 2 == 0);
            IndirectionTable t = IndirectionTable.equal(128, 4, 0, java.util.OptionalInt.of(4));
            QueueSpan span = QueueSpan.of(t);
            long today = span.stats(BucketLoads.of(flows, new ToeplitzHash(RssKey.MICROSOFT), 128), t.entries()).max();
            KeySearch.Result res = KeySearch.over(flows, RssKey.MICROSOFT, t.entries(), span)
                    .run(new KeySearch.Options(500, seed), () -> false);
            assertThat(res.stats().max()).isLessThanOrEqualTo(today);
        }
    }

    @Test
    void onlyKeyBitsThatMoveAFlowBetweenBucketsAreSearched() {
        SplittableRandom r = new SplittableRandom(4);
        List<ObservedFlow> flows = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            flows.add(new ObservedFlow(new Flow(dev.nettune.rss.IpAddress.ofIpv4(r.nextInt()), dev.nettune.rss.IpAddress.ofIpv4(r.nextInt()),
                    r.nextInt(65536), r.nextInt(65536), dev.nettune.rss.Protocol.TCP), 1));
        }
        IndirectionTable t = IndirectionTable.equal(128, 4, 0, java.util.OptionalInt.of(4));
        // An IPv4 4-tuple reads key bits 0-126; the low 7 hash bits depend on bits 25-126 only.
        assertThat(KeySearch.over(flows, RssKey.MICROSOFT, t.entries(), QueueSpan.of(t)).relevantBits()).isEqualTo(102);
    }

    @Test
    void aTableWhoseSizeIsNotAPowerOfTwoIsSearchedOnTheWholeHash() {
        List<ObservedFlow> flows = SkewedFlows.generate(9, 3, 3000, 1000, false);
        IndirectionTable t = IndirectionTable.equal(100, 4, 0, java.util.OptionalInt.of(4));
        KeySearch.Result res = KeySearch.over(flows, RssKey.MICROSOFT, t.entries(), QueueSpan.of(t))
                .run(new KeySearch.Options(800, 1), () -> false);
        assertThat(res.bucketLoads()).isEqualTo(BucketLoads.of(flows, new ToeplitzHash(res.key()), 100));
        long today = QueueSpan.of(t).stats(BucketLoads.of(flows, new ToeplitzHash(RssKey.MICROSOFT), 100), t.entries()).max();
        assertThat(res.stats().max()).isLessThanOrEqualTo(today);
    }
}
