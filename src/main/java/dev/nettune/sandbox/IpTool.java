package dev.nettune.sandbox;

import java.util.ArrayList;
import java.util.List;

/** iproute2's {@code ip [-o] [-j] link [show DEV]} over the sandbox's NICs and loopback. */
final class IpTool implements SandboxTool {
    private final SandboxKernel kernel;

    IpTool(SandboxKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public int run(Call c) {
        List<String> args = new ArrayList<>(c.args());
        StringBuilder out = c.out();
        StringBuilder err = c.err();
        boolean oneLine = args.remove("-o") | args.remove("-oneline");
        boolean json = args.remove("-j") | args.remove("-json");
        if (!args.isEmpty() && List.of("addr", "address", "a").contains(args.get(0))) {
            return addresses(args, oneLine, out, err);
        }
        if (args.isEmpty() || !List.of("link", "l").contains(args.get(0))) {
            err.append("Object \"").append(args.isEmpty() ? "" : args.get(0)).append("\" is unknown to the sandbox; it answers ip link and ip -o addr.\n");
            return 255;
        }
        String only = args.size() >= 3 && args.get(1).equals("show") ? args.get(2) : null;
        if (only != null && !only.equals("lo") && !kernel.nics.containsKey(only)) {
            err.append("Device \"").append(only).append("\" does not exist.\n");
            return 1;
        }
        if (json) {
            json(only, out);
            return 0;
        }
        String sep = oneLine ? "\\" : "\n";
        if (only == null || only.equals("lo")) {
            out.append("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000")
                    .append(sep).append("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
        }
        for (SandboxNic n : kernel.byIfindex()) {
            if (only != null && !only.equals(n.name)) {
                continue;
            }
            out.append(n.ifindex).append(": ").append(n.name).append(": <BROADCAST,MULTICAST").append(n.up ? ",UP,LOWER_UP" : "")
                    .append("> mtu ").append(n.mtu).append(" qdisc mq state ").append(n.up ? "UP" : "DOWN")
                    .append(" mode DEFAULT group default qlen 1000").append(sep).append("    link/ether ").append(n.mac)
                    .append(" brd ff:ff:ff:ff:ff:ff\n");
        }
        return 0;
    }

    /** The demo's addresses: eth0 the primary 10.0.0.10, eth1 the secondary ENI 10.0.0.5 that traffic is sent to. */
    static String addressOf(String nic) {
        return switch (nic) {
            case "eth0" -> "10.0.0.10";
            case "eth1" -> "10.0.0.5";
            default -> null;
        };
    }

    /** {@code ip -o addr [show [dev] DEV]}: one line per address, as iproute2 prints with -o. */
    private int addresses(List<String> args, boolean oneLine, StringBuilder out, StringBuilder err) {
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        rest.remove("show");
        rest.remove("dev");
        String only = rest.isEmpty() ? null : rest.get(0);
        if (only != null && !only.equals("lo") && !kernel.nics.containsKey(only)) {
            err.append("Device \"").append(only).append("\" does not exist.\n");
            return 1;
        }
        if (!oneLine) {
            err.append("The sandbox answers ip -o addr (one line per address).\n");
            return 1;
        }
        if (only == null || only.equals("lo")) {
            out.append("1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n");
        }
        for (SandboxNic n : kernel.byIfindex()) {
            String a = addressOf(n.name);
            if ((only != null && !only.equals(n.name)) || a == null) {
                continue;
            }
            out.append(n.ifindex).append(": ").append(n.name).append("    inet ").append(a).append("/24 brd 10.0.0.255 scope global ")
                    .append(n.name).append("\\       valid_lft forever preferred_lft forever\n");
        }
        return 0;
    }

    private void json(String only, StringBuilder out) {
        List<String> objs = new ArrayList<>();
        if (only == null || only.equals("lo")) {
            objs.add("{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\",\"LOWER_UP\"],\"mtu\":65536,"
                    + "\"qdisc\":\"noqueue\",\"operstate\":\"UNKNOWN\",\"linkmode\":\"DEFAULT\",\"group\":\"default\","
                    + "\"txqlen\":1000,\"link_type\":\"loopback\",\"address\":\"00:00:00:00:00:00\",\"broadcast\":\"00:00:00:00:00:00\"}");
        }
        for (SandboxNic n : kernel.byIfindex()) {
            if (only != null && !only.equals(n.name)) {
                continue;
            }
            objs.add("{\"ifindex\":" + n.ifindex + ",\"ifname\":\"" + n.name + "\",\"flags\":[\"BROADCAST\",\"MULTICAST\""
                    + (n.up ? ",\"UP\",\"LOWER_UP\"" : "") + "],\"mtu\":" + n.mtu + ",\"qdisc\":\"mq\",\"operstate\":\""
                    + (n.up ? "UP" : "DOWN") + "\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,"
                    + "\"link_type\":\"ether\",\"address\":\"" + n.mac + "\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\"}");
        }
        out.append('[').append(String.join(",", objs)).append("]\n");
    }
}
