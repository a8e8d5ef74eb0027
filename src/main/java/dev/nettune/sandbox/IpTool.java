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
        if (args.isEmpty() || !List.of("link", "l").contains(args.get(0))) {
            err.append("Object \"").append(args.isEmpty() ? "" : args.get(0)).append("\" is unknown to the sandbox; it answers ip link.\n");
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
