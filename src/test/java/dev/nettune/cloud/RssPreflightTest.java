package dev.nettune.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RssPreflightTest {
    static InstanceTypeInfo type(Boolean rss) {
        return new InstanceTypeInfo("ecs.g9i.large", Optional.ofNullable(rss), Optional.of(3), Optional.of(2), Optional.of(2));
    }

    static RssPreflight.Result check(String region, Boolean rss, String os, String kernel, boolean dpdk, String dpdkVersion) {
        return RssPreflight.check(new RssPreflight.Inputs(RegionId.of(region), Optional.of(type(rss)), "ecs.g9i.large", Optional.ofNullable(os),
                Optional.ofNullable(kernel), dpdk, Optional.ofNullable(dpdkVersion)));
    }

    @Test
    void hongKongWithG9iOnAlibabaCloudLinux3Passes() {
        RssPreflight.Result r = check("cn-hongkong", true, "Alibaba Cloud Linux 3.2104 LTS 64 bit", null, false, null);
        assertThat(r.allPassed()).as(r.checks().toString()).isTrue();
    }

    @Test
    void aRegionOutsideTheSeedsListFails() {
        PreflightCheck c = check("cn-hangzhou", true, "Alibaba Cloud Linux 3", null, false, null).checks().get(0);
        assertThat(c.status()).isEqualTo(PreflightCheck.Status.FAIL);
        assertThat(c.reason()).contains("cn-hongkong");
    }

    @Test
    void rssSupportFalseFailsAndMissingIsUnknown() {
        assertThat(check("cn-hongkong", false, null, "6.12.0", false, null).checks().get(1).status()).isEqualTo(PreflightCheck.Status.FAIL);
        assertThat(check("cn-hongkong", null, null, "6.12.0", false, null).checks().get(1).status()).isEqualTo(PreflightCheck.Status.UNKNOWN);
    }

    @Test
    void otherImagesNeedKernel612() {
        assertThat(check("cn-hongkong", true, "Ubuntu 24.04 64 bit", "6.12.3-generic", false, null).checks().get(2).status())
                .isEqualTo(PreflightCheck.Status.PASS);
        PreflightCheck old = check("cn-hongkong", true, "Ubuntu 22.04 64 bit", "6.8.0-45-generic", false, null).checks().get(2);
        assertThat(old.status()).isEqualTo(PreflightCheck.Status.FAIL);
        assertThat(old.reason()).contains("6.12");
        assertThat(check("cn-hongkong", true, "Ubuntu 22.04 64 bit", null, false, null).checks().get(2).status())
                .isEqualTo(PreflightCheck.Status.UNKNOWN);
    }

    @Test
    void alinux3KernelReleaseCountsAsTheRecommendedImage() {
        assertThat(check("cn-hongkong", true, null, "5.10.134-16.al8.x86_64", false, null).checks().get(2).status())
                .isEqualTo(PreflightCheck.Status.PASS);
    }

    @Test
    void dpdkIsCheckedOnlyWhenItWillDriveTheNic() {
        assertThat(check("cn-hongkong", true, "Alibaba Cloud Linux 3", null, false, null).checks()).hasSize(3);
        assertThat(check("cn-hongkong", true, "Alibaba Cloud Linux 3", null, true, "22.11.3").checks().get(3).status())
                .isEqualTo(PreflightCheck.Status.PASS);
        assertThat(check("cn-hongkong", true, "Alibaba Cloud Linux 3", null, true, "20.11.9").checks().get(3).status())
                .isEqualTo(PreflightCheck.Status.FAIL);
        assertThat(check("cn-hongkong", true, "Alibaba Cloud Linux 3", null, true, null).checks().get(3).status())
                .isEqualTo(PreflightCheck.Status.UNKNOWN);
    }
}
