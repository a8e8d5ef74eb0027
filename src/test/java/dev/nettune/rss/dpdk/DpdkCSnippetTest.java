package dev.nettune.rss.dpdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DpdkCSnippetTest {
    final String c = DpdkCSnippet.render(TestpmdCommandsTest.SEED);

    @Test
    void keyArrayHoldsTheFortyKeyBytesInOrder() {
        assertThat(c).contains("static uint8_t nettune_rss_key[40] = {\n    0x69, 0xe8, 0x7c, 0x56, 0xbf, 0x03, 0x9f, 0x63,\n")
                .contains("    0x7a, 0x30, 0xa9, 0x73, 0xb3, 0x33, 0x0c, 0xc6\n};");
    }

    @Test
    void tableIsTwoGroupsOfSixtyFourWithFullMasks() {
        assertThat(c).contains("static const struct rte_eth_rss_reta_entry64 nettune_reta[2] = {");
        assertThat(c.split("\\{ \\.mask = UINT64_MAX, \\.reta = \\{", -1)).hasSize(3);
        assertThat(c).contains("        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,\n")
                .contains("        48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63\n    } },\n};");
    }

    @Test
    void functionUpdatesKeyThenTableAndChecksTheDeviceSizes() {
        assertThat(c).contains("rte_eth_dev_rss_hash_update(port_id, &rss_conf)")
                .contains("rte_eth_dev_rss_reta_update(port_id, reta, 128)")
                .contains("dev_info.reta_size != 128 || dev_info.hash_key_size != 40")
                .contains("& dev_info.flow_type_rss_offloads")
                .contains("DPDK >= 21.11");
        assertThat(c.indexOf("rss_hash_update")).isLessThan(c.indexOf("rss_reta_update(port_id"));
    }

    @Test
    void bracesBalance() {
        assertThat(c.chars().filter(ch -> ch == '{').count()).isEqualTo(c.chars().filter(ch -> ch == '}').count());
    }
}
