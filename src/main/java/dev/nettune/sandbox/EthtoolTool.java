package dev.nettune.sandbox;

import dev.nettune.linux.EthtoolRssParser;
import dev.nettune.linux.FlowType;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.RssKey;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code ethtool} of 5.13 against the sandbox's virtio_net NICs: {@code -i -l -L -x -X -n rx-flow-hash -S},
 * with the real tool's stdout, stderr and exit codes, including the kernel's refusals (a ring count
 * over the maximum, fewer channels than a custom table references, entries beyond the rings).
 */
final class EthtoolTool implements SandboxTool {
    private final SandboxKernel kernel;
    private final SandboxFaults faults;

    EthtoolTool(SandboxKernel kernel, SandboxFaults faults) {
        this.kernel = kernel;
        this.faults = faults;
    }

    @Override
    public int run(Call c) {
        List<String> a = c.args();
        StringBuilder out = c.out();
        StringBuilder err = c.err();
        if (a.isEmpty()) {
            return badArgs(err);
        }
        if (a.get(0).equals("--version")) {
            out.append("ethtool version 5.13\n");
            return 0;
        }
        if (a.size() < 2) {
            return badArgs(err);
        }
        String opt = a.get(0);
        String nicName = a.get(1);
        SandboxNic nic = kernel.nics.get(nicName);
        if (nic == null) {
            if (opt.equals("-i") || opt.equals("-x") || opt.equals("-S") || opt.equals("-n")) {
                err.append("Cannot get driver information: No such device\n");
            } else {
                err.append("netlink error: no device matches name (offset 24)\nnetlink error: No such device\n");
            }
            return opt.equals("-i") ? 71 : 1;
        }
        switch (opt) {
            case "-i", "--driver" -> {
                out.append(nic.driverInfo().format());
                return 0;
            }
            case "-l", "--show-channels" -> {
                out.append(nic.channels().format(nicName));
                return 0;
            }
            case "-L", "--set-channels" -> {
                return setChannels(nic, a.subList(2, a.size()), err);
            }
            case "-x", "--show-rxfh-indir", "--show-rxfh" -> {
                if (!nic.customRss) {
                    out.append("RX flow hash indirection table for ").append(nicName).append(" with ").append(nic.queues)
                            .append(" RX ring(s):\nOperation not supported\nRSS hash key:\nOperation not supported\n")
                            .append("RSS hash function:\n    toeplitz: on\n    xor: off\n    crc32: off\n");
                } else {
                    out.append(EthtoolRssParser.format(nicName, nic.queues, nic.table, nic.key, "toeplitz"));
                }
                return 0;
            }
            case "-X", "--set-rxfh-indir", "--rxfh" -> {
                return setRxfh(nic, a.subList(2, a.size()), err);
            }
            case "-n", "-u", "--show-nfc", "--show-ntuple" -> {
                return showFlowHash(nic, a, out, err);
            }
            case "-S", "--statistics" -> {
                out.append(nic.statistics());
                return 0;
            }
            default -> {
                return badArgs(err);
            }
        }
    }

    private static int showFlowHash(SandboxNic nic, List<String> a, StringBuilder out, StringBuilder err) {
        if (a.size() == 4 && a.get(2).equals("rx-flow-hash")) {
            FlowType t;
            try {
                t = FlowType.parse(a.get(3));
            } catch (IllegalArgumentException e) {
                return badArgs(err);
            }
            if (!nic.customRss) {
                out.append(t.title()).append(" flows use these fields for computing Hash flow key:\nNone\n");
            } else {
                out.append(nic.flowHash.get(t).format());
            }
            return 0;
        }
        err.append("rxclass: Cannot get RX class rule count: Operation not supported\nRX classification rule retrieval failed\n");
        return 1;
    }

    private int setChannels(SandboxNic nic, List<String> a, StringBuilder err) {
        Integer combined = null;
        for (int i = 0; i + 1 < a.size(); i += 2) {
            String v = a.get(i + 1);
            if (!v.matches("\\d{1,6}")) {
                return badArgs(err);
            }
            switch (a.get(i)) {
                case "combined" -> combined = Integer.parseInt(v);
                case "rx", "tx", "other" -> {
                    if (Integer.parseInt(v) != 0) {
                        err.append("netlink error: requested channel count exceeds maximum (offset 36)\nnetlink error: Invalid argument\n");
                        return 1;
                    }
                }
                default -> {
                    return badArgs(err);
                }
            }
        }
        if (a.size() % 2 != 0 || combined == null) {
            return badArgs(err);
        }
        if (combined > nic.maxQueues) {
            err.append("netlink error: requested channel count exceeds maximum (offset 36)\nnetlink error: Invalid argument\n");
            return 1;
        }
        if (combined < 1) {
            err.append("netlink error: Invalid argument\n");
            return 1;
        }
        if (nic.tableCustom && nic.table.highestQueue() >= combined) {
            err.append("netlink error: requested channel counts are too low for existing indirection table settings\n")
                    .append("netlink error: Invalid argument\n");
            return 1;
        }
        if (combined == nic.queues) {
            return 0;
        }
        nic.setQueues(combined);
        if (faults.rssInactiveUntilFirstSet()) {
            nic.rssActive = false;
        }
        return 0;
    }

    private int setRxfh(SandboxNic nic, List<String> a, StringBuilder err) {
        if (!nic.customRss) {
            err.append("Cannot get RX flow hash indir size and/or key size: Operation not supported\n");
            return 1;
        }
        RssKey key = null;
        Integer equal = null;
        List<Integer> weights = null;
        int start = 0;
        boolean dflt = false;
        String hfunc = null;
        for (int i = 0; i < a.size(); i++) {
            String t = a.get(i);
            switch (t) {
                case "hkey" -> {
                    if (i + 1 >= a.size()) {
                        return badArgs(err);
                    }
                    String k = a.get(++i);
                    try {
                        key = RssKey.parse(k, RssKey.ENI_LENGTH);
                    } catch (RssInputException e) {
                        if (k.matches("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2})*")) {
                            err.append("Key length is ").append((k.length() + 1) / 3).append(" bytes, the device's key is 40 bytes\n");
                        } else {
                            err.append("Invalid RSS hash key format. Please use only hex-digit pairs separated by ':'\n");
                        }
                        return 1;
                    }
                }
                case "hfunc" -> {
                    if (i + 1 >= a.size()) {
                        return badArgs(err);
                    }
                    hfunc = a.get(++i);
                }
                case "equal" -> {
                    if (i + 1 >= a.size() || !a.get(i + 1).matches("\\d{1,5}")) {
                        return badArgs(err);
                    }
                    equal = Integer.parseInt(a.get(++i));
                }
                case "start" -> {
                    if (i + 1 >= a.size() || !a.get(i + 1).matches("\\d{1,5}")) {
                        return badArgs(err);
                    }
                    start = Integer.parseInt(a.get(++i));
                }
                case "default" -> dflt = true;
                case "weight" -> {
                    weights = new ArrayList<>();
                    while (i + 1 < a.size() && a.get(i + 1).matches("\\d{1,5}")) {
                        weights.add(Integer.parseInt(a.get(++i)));
                    }
                    if (weights.isEmpty()) {
                        return badArgs(err);
                    }
                }
                default -> {
                    return badArgs(err);
                }
            }
        }
        if (hfunc != null && !hfunc.equals("toeplitz")) {
            err.append("Cannot set RX flow hash configuration:\n  Hash function: ").append(hfunc).append(" not supported\n");
            return 1;
        }
        if (key == null && equal == null && weights == null && !dflt && hfunc == null) {
            return badArgs(err);
        }
        if (equal != null && equal == 0) {
            err.append("Invalid equal count: 0\n");
            return 1;
        }
        IndirectionTable table = nic.table;
        boolean custom = nic.tableCustom;
        try {
            if (dflt) {
                table = IndirectionTable.defaultFor(SandboxNic.TABLE_SIZE, nic.queues);
                custom = false;
            } else if (equal != null) {
                table = IndirectionTable.equal(SandboxNic.TABLE_SIZE, equal, start, OptionalInt.empty());
                custom = true;
            } else if (weights != null) {
                table = IndirectionTable.weight(SandboxNic.TABLE_SIZE, weights, start, OptionalInt.empty());
                custom = true;
            }
        } catch (RssInputException e) {
            err.append("Cannot set RX flow hash configuration: Invalid argument\n");
            return 1;
        }
        boolean tableGiven = dflt || equal != null || weights != null;
        if (tableGiven && table.highestQueue() >= nic.queues) {
            // The kernel checks every entry against the RX ring count: ethtool_copy_validate_indir.
            err.append("Cannot set RX flow hash configuration: Invalid argument\n");
            return 1;
        }
        // A key alone leaves the table as it is, even one that still names rings an -L took away.
        nic.table = tableGiven ? table.withRingCount(nic.queues) : table;
        nic.tableCustom = custom;
        if (key != null) {
            nic.key = key;
        }
        nic.rssActive = true;
        return 0;
    }

    private static int badArgs(StringBuilder err) {
        err.append("ethtool: bad command line argument(s)\nFor more information run ethtool -h\n");
        return 1;
    }
}
