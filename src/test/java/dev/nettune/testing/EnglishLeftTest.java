package dev.nettune.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the finder of English sentences finds, and what it leaves as data or terms. */
class EnglishLeftTest {
    @Test
    void anEnglishSentenceIsFound() {
        assertThat(EnglishLeft.in(List.of("nettune: There is no ENI eni-1 in cn-hongkong."))).hasSize(1);
    }

    @Test
    void aChineseLineQuotingACommandIsNot() {
        assertThat(EnglishLeft.in(List.of("请运行 nmcli dev set eth1 managed no 后再试。"))).isEmpty();
    }

    @Test
    void termsAndNumbersAreNot() {
        assertThat(EnglishLeft.in(List.of("TIME-WAIT 15 s, NetworkManager, eth1 q3 42%"))).isEmpty();
    }

    @Test
    void aCommandNetTuneShowsToTypeIsNot() {
        assertThat(EnglishLeft.in(List.of("  nettune rss table --start 2 --equal 40 --rings 64 --json",
                "   $ nettune rss apply web --nic eth1 --force"))).isEmpty();
    }

    @Test
    void aSentenceThatMerelyMentionsNettuneIsStillFound() {
        assertThat(EnglishLeft.in(List.of("nettune could not read the table, try again later."))).hasSize(1);
    }

    @Test
    void eachLineOfAMultiLineTextIsJudgedAlone() {
        assertThat(EnglishLeft.in(List.of("第一行是中文。\nThe second line is not.")))
                .containsExactly("The second line is not.");
    }
}
