package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.app.CloudConnection;
import dev.nettune.cloud.CloudInstance;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nettune cloud instances}: the region's instances with type, status and ENIs (DescribeInstances). */
@Command(name = "instances", mixinStandardHelpOptions = true, description = "List the region's ECS instances (DescribeInstances).")
final class CloudInstancesCommand implements Callable<Integer> {
    private final AppContext context;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    CloudOptions options;

    CloudInstancesCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CloudConnection c = CloudCommand.connect(context, options)) {
            List<CloudInstance> instances = c.api().describeInstances(c.region());
            CliOutput.print(out, options.json, () -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (CloudInstance i : instances) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("instanceId", i.id().value());
                    m.put("name", i.name());
                    m.put("instanceType", i.instanceType());
                    m.put("status", i.status());
                    m.put("zoneId", i.zoneId());
                    m.put("osName", i.osName());
                    m.put("privateIpAddresses", i.privateIpAddresses());
                    m.put("networkInterfaces", i.networkInterfaces().stream().map(Object::toString).toList());
                    rows.add(m);
                }
                return rows;
            }, o -> {
                o.println(CliText.format("cloud.connectedAs", String.valueOf(c.region()), String.valueOf(c.endpoint()), c.credentialsPhrase().in(CliText.locale())));
                CliOutput.Table table = new CliOutput.Table(o, "%-26s %-26s %-16s %-9s %-16s %s%n", new int[] {26, 26, 16, 9, 16},
                        CliText.get("cloud.col.instance"), CliText.get("cloud.col.name"), CliText.get("cloud.col.instanceType"),
                        CliText.get("cloud.col.status"), CliText.get("cloud.col.privateIp"), CliText.get("cloud.col.enis"));
                for (CloudInstance i : instances) {
                    table.row(i.id(), i.name(), i.instanceType(), i.status(), String.join(",", i.privateIpAddresses()),
                            String.join(",", i.networkInterfaces().stream().map(Object::toString).toList()));
                }
            });
            return 0;
        }
    }
}
