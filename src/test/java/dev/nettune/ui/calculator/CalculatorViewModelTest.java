package dev.nettune.ui.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.Protocol;
import dev.nettune.rss.RssKey;
import dev.nettune.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Calculator's logic, without the FX toolkit: what the screen shows for what the user types. */
class CalculatorViewModelTest {
    private static final String MICROSOFT_KEY = RssKey.MICROSOFT.toColonHex();

    private CalculatorViewModel model;

    @BeforeEach
    void setUp() {
        model = new CalculatorViewModel();
    }

    /** The Microsoft verification flow 66.9.149.187:2794 -> 161.142.100.80:1766 (hash 0x51ccc178) on equal 4. */
    private void publishedVector() {
        model.keyTextProperty().set(MICROSOFT_KEY);
        model.sourceProperty().set("66.9.149.187");
        model.destinationProperty().set("161.142.100.80");
        model.sourcePortProperty().set("2794");
        model.destinationPortProperty().set("1766");
        model.equalQueuesProperty().set("4");
    }

    @Test
    void opensOnTheSeedsWorkedExampleBucket117Queue53() {
        assertThat(model.bucketTextProperty().get()).isEqualTo("117");
        assertThat(model.queueTextProperty().get()).isEqualTo("53");
        assertThat(model.tableSummaryProperty().get()).startsWith("128 buckets over 64 queues");
    }

    @Test
    void showsThePublishedHashInHexAndDecimal() {
        publishedVector();

        assertThat(model.hashHexProperty().get()).isEqualTo("0x51ccc178");
        assertThat(model.hashDecimalProperty().get()).isEqualTo(Long.toString(0x51ccc178L));
        assertThat(model.bucketProperty().get()).isEqualTo(0x51ccc178 & 127);
        assertThat(model.queueProperty().get()).isEqualTo((0x51ccc178 & 127) % 4);
    }

    @Test
    void recomputesOnEveryKeystroke() {
        publishedVector();
        String before = model.hashHexProperty().get();

        model.destinationPortProperty().set("176");

        assertThat(model.hashHexProperty().get()).isNotEqualTo(before);
        model.destinationPortProperty().set("1766");
        assertThat(model.hashHexProperty().get()).isEqualTo(before);
    }

    @Test
    void icmpHashesTheAddressesOnlyAndIgnoresThePortFields() {
        publishedVector();
        model.sourcePortProperty().set("not a port");

        model.protocolProperty().set(Protocol.ICMP);

        assertThat(model.hashHexProperty().get()).isEqualTo("0x323e8fc2");
        assertThat(model.sourcePortErrorProperty().get()).isEmpty();
        assertThat(model.portsUsedProperty().get()).isFalse();
    }

    @Test
    void nonIpTrafficIsNotHashedAndGoesToQueueZero() {
        model.sourceProperty().set("");
        model.protocolProperty().set(Protocol.NON_IP);

        assertThat(model.queueTextProperty().get()).isEqualTo("0");
        assertThat(model.hashHexProperty().get()).isEqualTo(CalculatorViewModel.NONE);
        assertThat(model.sourceErrorProperty().get()).isEmpty();
        assertThat(model.explanationProperty().get()).contains("not hashed");
    }

    @Test
    void aBadAddressIsMarkedWithTheDomainsReasonAndClearsTheResult() {
        model.sourceProperty().set("10.0.0.256");

        assertThat(model.sourceErrorProperty().get()).contains("part 4 is 256, above 255");
        assertThat(model.queueTextProperty().get()).isEqualTo(CalculatorViewModel.NONE);
        assertThat(model.bucketProperty().get()).isEqualTo(-1);
    }

    @Test
    void aPortOutOfRangeSaysWhatIsAllowed() {
        model.destinationPortProperty().set("70000");

        assertThat(model.destinationPortErrorProperty().get()).contains("0-65535");
        assertThat(model.sourcePortErrorProperty().get()).isEmpty();
    }

    @Test
    void mixingIpv4AndIpv6IsBlamedOnTheDestination() {
        model.destinationProperty().set("fd00::1");

        assertThat(model.destinationErrorProperty().get()).contains("IPv4").contains("IPv6");
        assertThat(model.sourceErrorProperty().get()).isEmpty();
    }

    @Test
    void fixingAFieldClearsItsMessage() {
        model.sourceProperty().set("10.0.0");
        assertThat(model.sourceErrorProperty().get()).isNotEmpty();

        model.sourceProperty().set("10.0.0.9");

        assertThat(model.sourceErrorProperty().get()).isEmpty();
        assertThat(model.queueTextProperty().get()).isNotEqualTo(CalculatorViewModel.NONE);
    }

    @Test
    void aShortKeySaysWhichByteIsMissing() {
        model.keyTextProperty().set("6d:5a:56");

        assertThat(model.keyErrorProperty().get()).contains("3 bytes").contains("40 bytes").contains("Byte 4 is missing");
        assertThat(model.hashHexProperty().get()).isEqualTo(CalculatorViewModel.NONE);
    }

    @Test
    void aNonHexKeyByteIsNamed() {
        model.keyTextProperty().set(MICROSOFT_KEY.replaceFirst("56", "5g"));

        assertThat(model.keyErrorProperty().get()).contains("Key byte 3 is '5g'");
    }

    @Test
    void theDeviceKeyLengthDecidesWhichKeysAreValid() {
        model.keyTextProperty().set(RssKey.symmetric(52).toColonHex());
        assertThat(model.keyErrorProperty().get()).contains("52 bytes");

        model.keyLengthProperty().set(52);

        assertThat(model.keyErrorProperty().get()).isEmpty();
        assertThat(model.keyProperty().get().length()).isEqualTo(52);
    }

    @Test
    void randomKeyFillsAValidKeyOfTheSelectedLength() {
        model.randomKey();
        String first = model.keyTextProperty().get();
        model.randomKey();

        assertThat(model.keyErrorProperty().get()).isEmpty();
        assertThat(model.keyProperty().get().length()).isEqualTo(40);
        assertThat(model.keyTextProperty().get()).isNotEqualTo(first);
    }

    @Test
    void symmetricKeyComesWithItsNoteAndHashesBothDirectionsAlike() {
        model.symmetricKey();
        String forward = model.hashHexProperty().get();
        assertThat(model.keyNoteProperty().get()).isEqualTo(RssKey.SYMMETRIC_NOTE);

        model.sourceProperty().set(CalculatorViewModel.SEED_DESTINATION);
        model.destinationProperty().set(CalculatorViewModel.SEED_SOURCE);
        model.sourcePortProperty().set("26000");
        model.destinationPortProperty().set("18042");

        assertThat(model.hashHexProperty().get()).isEqualTo(forward);
    }

    @Test
    void aRandomKeyHasNoSymmetricNote() {
        model.randomKey();

        assertThat(model.keyNoteProperty().get()).isEmpty();
    }

    @Test
    void equalSpreadsTheBucketsEvenlyOverNQueues() {
        model.equalQueuesProperty().set("4");

        assertThat(model.queueCounts()).extracting(QueueBuckets::buckets).containsExactly(32, 32, 32, 32);
        assertThat(model.tableProperty().get().entry(5)).isEqualTo(1);
    }

    @Test
    void weightSixFourGivesSeventySixAndFiftyTwoBuckets() {
        model.tableModeProperty().set(TableFill.WEIGHT);
        model.weightsProperty().set("6 4");

        assertThat(model.queueCounts()).extracting(QueueBuckets::buckets).containsExactly(76, 52);
        assertThat(model.queueCounts().get(0).share()).isEqualTo(76 / 128.0);
    }

    @Test
    void startShiftsTheQueuesAndTheCountsShowTheUnusedOnes() {
        model.equalQueuesProperty().set("2");
        model.startProperty().set("2");

        assertThat(model.queueCounts()).extracting(QueueBuckets::buckets).containsExactly(0, 0, 64, 64);
    }

    @Test
    void weightsAddingUpBeyondTheTableAreRefusedWithTheirSum() {
        model.tableModeProperty().set(TableFill.WEIGHT);
        model.weightsProperty().set("100 100");

        assertThat(model.tableErrorProperty().get()).contains("add up to 200").contains("128");
        assertThat(model.tableProperty().get()).isNull();
        assertThat(model.queueCounts()).isEmpty();
        assertThat(model.queueTextProperty().get()).isEqualTo(CalculatorViewModel.NONE);
        assertThat(model.hashHexProperty().get()).isNotEqualTo(CalculatorViewModel.NONE);
    }

    @Test
    void aWeightThatIsNotANumberIsNamed() {
        model.tableModeProperty().set(TableFill.WEIGHT);
        model.weightsProperty().set("6 x");

        assertThat(model.tableErrorProperty().get()).contains("Weight 1 is 'x'");
    }

    @Test
    void equalZeroIsRefused() {
        model.equalQueuesProperty().set("0");

        assertThat(model.tableErrorProperty().get()).contains("equal 0");
    }

    @Test
    void aFillBeyondTheRingCountIsRefused() {
        model.ringCountProperty().set("8");

        assertThat(model.tableErrorProperty().get()).contains("queues 0-63").contains("8 ring(s)");
    }

    @Test
    void defaultNeedsTheRingCountAndThenFillsIModRings() {
        model.tableModeProperty().set(TableFill.DEFAULT);
        assertThat(model.tableErrorProperty().get()).contains("ring count");

        model.ringCountProperty().set("3");

        assertThat(model.tableErrorProperty().get()).isEmpty();
        assertThat(model.queueCounts()).extracting(QueueBuckets::buckets).containsExactly(43, 43, 42);
    }

    @Test
    void pastingTheFixtureTakesItsTableRingsAndKey() {
        boolean ok = model.applyEthtoolOutput(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-x.txt"));

        assertThat(ok).isTrue();
        assertThat(model.tableModeProperty().get()).isEqualTo(TableFill.PASTED);
        assertThat(model.ringCountProperty().get()).isEqualTo("4");
        assertThat(model.keyProperty().get()).isEqualTo(RssKey.MICROSOFT);
        assertThat(model.queueCounts()).extracting(QueueBuckets::buckets).containsExactly(32, 32, 32, 32);
        assertThat(model.pastedNic()).contains("eth0");
        assertThat(model.tableErrorProperty().get()).isEmpty();
    }

    @Test
    void thePastedTableStaysWhenTheFlowChanges() {
        model.applyEthtoolOutput(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-x.txt"));

        publishedVector();

        assertThat(model.tableModeProperty().get()).isEqualTo(TableFill.PASTED);
        assertThat(model.hashHexProperty().get()).isEqualTo("0x51ccc178");
        assertThat(model.queueProperty().get()).isEqualTo((0x51ccc178 & 127) % 4);
    }

    @Test
    void pastingFromANicWithoutRssSaysSoAndKeepsTheTable() {
        var before = model.tableProperty().get();

        boolean ok = model.applyEthtoolOutput(Fixtures.read("linux/virtio_net-6.18-1q/ethtool-x.txt"));

        assertThat(ok).isFalse();
        assertThat(model.pasteErrorProperty().get()).contains("Operation not supported");
        assertThat(model.tableProperty().get()).isEqualTo(before);
    }

    @Test
    void pastingSomethingElseSaysWhatWasExpected() {
        boolean ok = model.applyEthtoolOutput("hello");

        assertThat(ok).isFalse();
        assertThat(model.pasteErrorProperty().get()).contains("RX flow hash indirection table");
    }

    @Test
    void choosingPastedWithNothingPastedAsksForAPaste() {
        model.tableModeProperty().set(TableFill.PASTED);

        assertThat(model.tableErrorProperty().get()).contains("Nothing pasted yet");
    }

    @Test
    void hoveringABucketNamesItsQueue() {
        model.equalQueuesProperty().set("4");

        model.hoveredBucketProperty().set(6);

        assertThat(model.hoverTextProperty().get()).startsWith("bucket 6 \u2192 queue 2").contains("32 of 128");
        model.hoveredBucketProperty().set(-1);
        assertThat(model.hoverTextProperty().get()).isEmpty();
    }

    @Test
    void ipv6FlowsAreHashed() {
        model.keyTextProperty().set(MICROSOFT_KEY);
        model.sourceProperty().set("3ffe:2501:200:1fff::7");
        model.destinationProperty().set("3ffe:2501:200:3::1");
        model.sourcePortProperty().set("2794");
        model.destinationPortProperty().set("1766");

        // The published IPv6 4-tuple vector.
        assertThat(model.hashHexProperty().get()).isEqualTo("0x40207d3d");
        assertThat(List.of(model.sourceErrorProperty().get(), model.destinationErrorProperty().get())).containsOnly("");
    }
}
