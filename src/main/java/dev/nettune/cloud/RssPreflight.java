package dev.nettune.cloud;

import dev.nettune.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prerequisites of custom RSS on an ENI (eni-custom-rss, "Prerequisites"): the region, the
 * instance type's RssSupport, the image or kernel, and the DPDK version when DPDK drives the NIC.
 * Each check passes, fails or is unknown, with the reason.
 */
public final class RssPreflight {
    /** Where custom RSS is available (the seed's list; it is rolled out in phases). */
    public static final List<String> REGIONS = List.of("cn-hongkong");
    /** The kernel from which other images support custom RSS. */
    public static final int[] MIN_KERNEL = {6, 12};
    /** The DPDK version from which a DPDK application can use custom RSS. */
    public static final int[] MIN_DPDK = {21, 11};
    public static final dev.nettune.Phrase PREVIEW_PHRASE = dev.nettune.Phrase.of("cloud.note.rssPreview",
            "Custom RSS for ENIs is in invitational preview: if the API refuses it, "
            + "apply for the feature by submitting a ticket to Alibaba Cloud.");
    /** {@link #PREVIEW_PHRASE} in English. */
    public static final String PREVIEW_NOTE = PREVIEW_PHRASE.toString();

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    /** What the preflight looks at; the kernel and DPDK versions come from the user or from the host over SSH. */
    public record Inputs(RegionId region, Optional<InstanceTypeInfo> instanceType, String instanceTypeName, Optional<String> osName,
            Optional<String> kernelRelease, boolean dpdkWillDriveNic, Optional<String> dpdkVersion) {
        public Inputs {
            kernelRelease.ifPresent(RssPreflight::checkKernelRelease);
            dpdkVersion.ifPresent(RssPreflight::checkDpdkVersion);
        }
    }

    private static final java.util.regex.Pattern KERNEL_RELEASE = java.util.regex.Pattern.compile("[0-9]{1,3}\\.[0-9]{1,3}[A-Za-z0-9._+~-]{0,60}");
    private static final java.util.regex.Pattern DPDK_VERSION = java.util.regex.Pattern.compile("[0-9]{2}\\.[0-9]{2}(\\.[0-9]{1,3})?");

    /** A kernel release as uname -r prints it (6.12.0, 5.10.134-16.al8.x86_64); anything else is refused before any call. */
    public static String checkKernelRelease(String release) {
        if (release == null || !KERNEL_RELEASE.matcher(release).matches()) {
            throw new CloudInputException(Phrase.of("cloud.preflight.badKernel", "'{0}' is not a kernel release: give what uname -r"
                    + " prints, like 6.12.0 or 5.10.134-16.al8.x86_64 (digits, letters, '.', '-', '_', '+', '~').", clip(release)));
        }
        return release;
    }

    /** A DPDK version like 21.11 or 23.11.1; anything else is refused before any call. */
    public static String checkDpdkVersion(String version) {
        if (version == null || !DPDK_VERSION.matcher(version).matches()) {
            throw new CloudInputException(Phrase.of("cloud.preflight.badDpdk", "'{0}' is not a DPDK version: write it like 21.11 or 23.11.1.",
                    clip(version)));
        }
        return version;
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…" : s.replaceAll("\\p{Cntrl}", "?");
    }

    /** The result: every check, and whether nothing failed. */
    public record Result(List<PreflightCheck> checks) {
        public Result {
            checks = List.copyOf(checks);
        }

        public boolean anyFailed() {
            return checks.stream().anyMatch(c -> c.status() == PreflightCheck.Status.FAIL);
        }

        public boolean allPassed() {
            return checks.stream().allMatch(c -> c.status() == PreflightCheck.Status.PASS);
        }
    }

    private RssPreflight() {
    }

    public static Result check(Inputs in) {
        List<PreflightCheck> out = new ArrayList<>();
        out.add(region(in.region()));
        out.add(instanceType(in.instanceTypeName(), in.instanceType()));
        out.add(image(in.osName(), in.kernelRelease()));
        if (in.dpdkWillDriveNic()) {
            out.add(dpdk(in.dpdkVersion()));
        }
        return new Result(out);
    }

    static PreflightCheck region(RegionId region) {
        Phrase name = Phrase.of("cloud.preflight.region", "Region");
        String regions = String.join(", ", REGIONS);
        if (region.isSandbox()) {
            return PreflightCheck.pass(name, Phrase.of("cloud.preflight.region.sandbox",
                    "sandbox: the local simulated region offers custom RSS for trying it out."));
        }
        if (REGIONS.contains(region.value())) {
            return PreflightCheck.pass(name, Phrase.of("cloud.preflight.region.available",
                    "{0} is among the regions where custom RSS is available ({1}).", region, regions));
        }
        return PreflightCheck.fail(name, Phrase.of("cloud.preflight.region.notAvailable",
                "{0} is not among the regions where custom RSS is available today ({1}); it is rolled out in phases.", region, regions));
    }

    static PreflightCheck instanceType(String typeName, Optional<InstanceTypeInfo> info) {
        Phrase name = Phrase.of("cloud.preflight.instanceType", "Instance type RssSupport");
        if (info.isEmpty()) {
            return PreflightCheck.unknown(name, Phrase.of("cloud.preflight.type.nothing", "DescribeInstanceTypes returned nothing for {0}.",
                    typeName));
        }
        Optional<Boolean> s = info.get().rssSupport();
        if (s.isEmpty()) {
            return PreflightCheck.unknown(name, Phrase.of("cloud.preflight.type.notReported", "DescribeInstanceTypes does not report"
                    + " RssSupport for {0}; families such as g9i and r9i support custom RSS.", typeName));
        }
        return s.get() ? PreflightCheck.pass(name, Phrase.of("cloud.preflight.type.supports", "{0} reports RssSupport=true.", typeName))
                : PreflightCheck.fail(name, Phrase.of("cloud.preflight.type.unsupported", "{0} reports RssSupport=false: choose a family"
                        + " that supports it, such as g9i or r9i.", typeName));
    }

    static PreflightCheck image(Optional<String> osName, Optional<String> kernelRelease) {
        Phrase name = Phrase.of("cloud.preflight.image", "Image and kernel");
        boolean alinux3 = osName.map(o -> o.toLowerCase(Locale.ROOT)).filter(o -> o.contains("alibaba cloud linux") && o.contains(" 3")).isPresent()
                || kernelRelease.filter(k -> k.contains(".al8")).isPresent();
        Optional<int[]> kernel = kernelRelease.flatMap(RssPreflight::version);
        if (kernel.isPresent() && atLeast(kernel.get(), MIN_KERNEL)) {
            return PreflightCheck.pass(name, Phrase.of("cloud.preflight.image.newKernel", "kernel {0} is 6.12 or later.", kernelRelease.get()));
        }
        if (alinux3) {
            return PreflightCheck.pass(name, Phrase.of("cloud.preflight.image.alinux3",
                    "{0}: the recommended image (Alibaba Cloud Linux 3.2104 LTS 64-bit).", osName.orElse("Alibaba Cloud Linux 3")));
        }
        if (kernel.isPresent()) {
            // The image's name is the API's, quoted as it is.
            return PreflightCheck.fail(name, osName.map(o -> Phrase.of("cloud.preflight.image.oldKernelOf", "kernel {0} is older than 6.12,"
                    + " and the image ({1}) is not Alibaba Cloud Linux 3: use that image or a kernel 6.12 or later.", kernelRelease.get(), o))
                    .orElse(Phrase.of("cloud.preflight.image.oldKernel", "kernel {0} is older than 6.12, and the image is not"
                    + " Alibaba Cloud Linux 3: use that image or a kernel 6.12 or later.", kernelRelease.get())));
        }
        return PreflightCheck.unknown(name, osName.map(o -> Phrase.of("cloud.preflight.image.unknownKernelOf", "the kernel version is not"
                + " known (image: {0}); Alibaba Cloud Linux 3 or a kernel 6.12 or later is needed. Connect the host to check uname -r.", o))
                .orElse(Phrase.of("cloud.preflight.image.unknownKernel", "the kernel version is not known; Alibaba Cloud Linux 3 or a kernel"
                + " 6.12 or later is needed. Connect the host to check uname -r.")));
    }

    static PreflightCheck dpdk(Optional<String> version) {
        Phrase name = Phrase.of("cloud.preflight.dpdk", "DPDK version");
        if (version.isEmpty() || version.get().isBlank()) {
            return PreflightCheck.unknown(name, Phrase.of("cloud.preflight.dpdk.unknown",
                    "DPDK will drive the NIC, but its version is not known; 21.11 or later is needed."));
        }
        Optional<int[]> v = version(version.get());
        if (v.isEmpty()) {
            return PreflightCheck.unknown(name, Phrase.of("cloud.preflight.dpdk.notVersion",
                    "'{0}' is not a DPDK version such as 22.11.3; 21.11 or later is needed.", version.get()));
        }
        return atLeast(v.get(), MIN_DPDK) ? PreflightCheck.pass(name, Phrase.of("cloud.preflight.dpdk.new", "DPDK {0} is 21.11 or later.",
                version.get()))
                : PreflightCheck.fail(name, Phrase.of("cloud.preflight.dpdk.old", "DPDK {0} is older than 21.11: upgrade DPDK to use custom RSS.",
                        version.get()));
    }

    static Optional<int[]> version(String text) {
        Matcher m = VERSION.matcher(text);
        return m.find() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}) : Optional.empty();
    }

    private static boolean atLeast(int[] v, int[] min) {
        return v[0] > min[0] || v[0] == min[0] && v[1] >= min[1];
    }
}
