package dev.nettune.cloud;

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
            throw new CloudInputException("'" + clip(release) + "' is not a kernel release: give what uname -r prints, like"
                    + " 6.12.0 or 5.10.134-16.al8.x86_64 (digits, letters, '.', '-', '_', '+', '~').");
        }
        return release;
    }

    /** A DPDK version like 21.11 or 23.11.1; anything else is refused before any call. */
    public static String checkDpdkVersion(String version) {
        if (version == null || !DPDK_VERSION.matcher(version).matches()) {
            throw new CloudInputException("'" + clip(version) + "' is not a DPDK version: write it like 21.11 or 23.11.1.");
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
        String name = "Region";
        if (region.isSandbox()) {
            return PreflightCheck.pass(name, "sandbox: the local simulated region offers custom RSS for trying it out.");
        }
        if (REGIONS.contains(region.value())) {
            return PreflightCheck.pass(name, region + " is among the regions where custom RSS is available (" + String.join(", ", REGIONS) + ").");
        }
        return PreflightCheck.fail(name, region + " is not among the regions where custom RSS is available today ("
                + String.join(", ", REGIONS) + "); it is rolled out in phases.");
    }

    static PreflightCheck instanceType(String typeName, Optional<InstanceTypeInfo> info) {
        String name = "Instance type RssSupport";
        if (info.isEmpty()) {
            return PreflightCheck.unknown(name, "DescribeInstanceTypes returned nothing for " + typeName + ".");
        }
        Optional<Boolean> s = info.get().rssSupport();
        if (s.isEmpty()) {
            return PreflightCheck.unknown(name, "DescribeInstanceTypes does not report RssSupport for " + typeName
                    + "; families such as g9i and r9i support custom RSS.");
        }
        return s.get() ? PreflightCheck.pass(name, typeName + " reports RssSupport=true.")
                : PreflightCheck.fail(name, typeName + " reports RssSupport=false: choose a family that supports it, such as g9i or r9i.");
    }

    static PreflightCheck image(Optional<String> osName, Optional<String> kernelRelease) {
        String name = "Image and kernel";
        boolean alinux3 = osName.map(o -> o.toLowerCase(Locale.ROOT)).filter(o -> o.contains("alibaba cloud linux") && o.contains(" 3")).isPresent()
                || kernelRelease.filter(k -> k.contains(".al8")).isPresent();
        Optional<int[]> kernel = kernelRelease.flatMap(RssPreflight::version);
        if (kernel.isPresent() && atLeast(kernel.get(), MIN_KERNEL)) {
            return PreflightCheck.pass(name, "kernel " + kernelRelease.get() + " is 6.12 or later.");
        }
        if (alinux3) {
            return PreflightCheck.pass(name, osName.orElse("Alibaba Cloud Linux 3") + ": the recommended image (Alibaba Cloud Linux 3.2104 LTS 64-bit).");
        }
        if (kernel.isPresent()) {
            return PreflightCheck.fail(name, "kernel " + kernelRelease.get() + " is older than 6.12, and the image "
                    + osName.map(o -> "(" + o + ") ").orElse("") + "is not Alibaba Cloud Linux 3: use that image or a kernel 6.12 or later.");
        }
        return PreflightCheck.unknown(name, "the kernel version is not known" + osName.map(o -> " (image: " + o + ")").orElse("")
                + "; Alibaba Cloud Linux 3 or a kernel 6.12 or later is needed. Connect the host to check uname -r.");
    }

    static PreflightCheck dpdk(Optional<String> version) {
        String name = "DPDK version";
        if (version.isEmpty() || version.get().isBlank()) {
            return PreflightCheck.unknown(name, "DPDK will drive the NIC, but its version is not known; 21.11 or later is needed.");
        }
        Optional<int[]> v = version(version.get());
        if (v.isEmpty()) {
            return PreflightCheck.unknown(name, "'" + version.get() + "' is not a DPDK version such as 22.11.3; 21.11 or later is needed.");
        }
        return atLeast(v.get(), MIN_DPDK) ? PreflightCheck.pass(name, "DPDK " + version.get() + " is 21.11 or later.")
                : PreflightCheck.fail(name, "DPDK " + version.get() + " is older than 21.11: upgrade DPDK to use custom RSS.");
    }

    static Optional<int[]> version(String text) {
        Matcher m = VERSION.matcher(text);
        return m.find() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}) : Optional.empty();
    }

    private static boolean atLeast(int[] v, int[] min) {
        return v[0] > min[0] || v[0] == min[0] && v[1] >= min[1];
    }
}
