package dev.nettune.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * NetworkManager's {@code nmcli [-t] [-f FIELDS] device [status]}, {@code nmcli device set DEV managed
 * yes|no} and {@code nmcli general reload [conf]}; a device is unmanaged at runtime or by an
 * {@code unmanaged-devices=} line in conf.d as NetworkManager read it at its start or last reload (as a real
 * NetworkManager 1.42 does: a conf.d file written or removed later changes nothing until then, and
 * {@code managed yes} does not override it).
 */
final class NmcliTool implements SandboxTool {
    private final SandboxKernel kernel;
    private final SandboxServices services;
    private final SandboxFilesystem fs;

    NmcliTool(SandboxKernel kernel, SandboxServices services, SandboxFilesystem fs) {
        this.kernel = kernel;
        this.services = services;
        this.fs = fs;
    }

    @Override
    public int run(Call c) {
        StringBuilder out = c.out();
        StringBuilder err = c.err();
        if (!services.active("NetworkManager")) {
            err.append("Error: NetworkManager is not running.\n");
            return 8;
        }
        List<String> args = new ArrayList<>(c.args());
        boolean terse = args.remove("-t") | args.remove("--terse");
        String fields = "DEVICE,TYPE,STATE,CONNECTION";
        int f = args.indexOf("-f");
        if (f >= 0 && f + 1 < args.size()) {
            fields = args.get(f + 1);
            args.remove(f + 1);
            args.remove(f);
        }
        if (args.size() >= 2 && List.of("general", "g").contains(args.get(0)) && args.get(1).equals("reload")
                && (args.size() == 2 || args.size() == 3 && args.get(2).equals("conf"))) {
            services.networkManagerConf = confD(fs);
            return 0;
        }
        if (args.isEmpty() || !List.of("dev", "device", "d").contains(args.get(0))) {
            err.append("Error: the sandbox answers only 'nmcli device', 'nmcli device set' and 'nmcli general reload'.\n");
            return 2;
        }
        if (args.size() >= 5 && args.get(1).equals("set") && args.get(3).equals("managed")) {
            return setManaged(args.get(2), args.get(4), err);
        }
        if (args.size() == 1 || args.get(1).equals("status")) {
            status(fields.split(","), terse, out);
            return 0;
        }
        err.append("Error: argument '").append(args.get(1)).append("' not understood.\n");
        return 2;
    }

    private int setManaged(String dev, String v, StringBuilder err) {
        SandboxNic n = kernel.nics.get(dev);
        if (n == null) {
            err.append("Error: Device '").append(dev).append("' not found.\n");
            return 10;
        }
        if (List.of("no", "off", "false").contains(v)) {
            services.runtimeUnmanaged.add(n.name);
        } else if (List.of("yes", "on", "true").contains(v)) {
            services.runtimeUnmanaged.remove(n.name);
        } else {
            err.append("Error: 'managed': '").append(v).append("' is not valid; use [yes|no].\n");
            return 2;
        }
        return 0;
    }

    private void status(String[] cols, boolean terse, StringBuilder out) {
        if (!terse) {
            out.append(String.join("  ", cols)).append('\n');
        }
        for (SandboxNic n : kernel.nics.values()) {
            boolean m = managed(n);
            Map<String, String> row = Map.of("DEVICE", n.name, "TYPE", "ethernet", "STATE", m ? "connected" : "unmanaged",
                    "CONNECTION", m ? (n.name.equals("eth0") ? "System eth0" : "Wired connection " + n.ifindex) : "--");
            List<String> vals = new ArrayList<>();
            for (String c : cols) {
                vals.add(row.getOrDefault(c, ""));
            }
            out.append(String.join(terse ? ":" : "  ", vals.stream().map(v -> terse ? v.replace(":", "\\:") : v).toList())).append('\n');
        }
        List<String> lo = new ArrayList<>();
        for (String c : cols) {
            lo.add(Map.of("DEVICE", "lo", "TYPE", "loopback", "STATE", "unmanaged", "CONNECTION", terse ? "" : "--").getOrDefault(c, ""));
        }
        out.append(String.join(terse ? ":" : "  ", lo)).append('\n');
    }

    private boolean managed(SandboxNic n) {
        if (services.runtimeUnmanaged.contains(n.name)) {
            return false;
        }
        for (Map.Entry<String, String> f : services.networkManagerConf.entrySet()) {
            for (String line : f.getValue().split("\n")) {
                String l = line.strip();
                if (l.startsWith("unmanaged-devices=")) {
                    for (String spec : l.substring("unmanaged-devices=".length()).split("[;,]")) {
                        String s = spec.strip();
                        if (s.equals("interface-name:" + n.name) || s.equalsIgnoreCase("mac:" + n.mac) || s.equals("*")) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /** The conf.d files NetworkManager reads when it starts or reloads. */
    static Map<String, String> confD(SandboxFilesystem fs) {
        Map<String, String> out = new TreeMap<>();
        fs.files().forEach((path, content) -> {
            if (path.startsWith("/etc/NetworkManager/conf.d/") && path.endsWith(".conf")) {
                out.put(path, content);
            }
        });
        return out;
    }
}
