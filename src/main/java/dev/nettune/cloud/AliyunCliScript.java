package dev.nettune.cloud;

import dev.nettune.host.ShellQuoting;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a plan as the equivalent {@code aliyun} CLI commands: copyable lines for the review page
 * and a whole POSIX shell script for export. Every value is shell-quoted; the id of an ENI the
 * script creates is kept in a shell variable ({@code ENI_ID}).
 */
public final class AliyunCliScript {
    private AliyunCliScript() {
    }

    /** One command line for one call (parameters in order, {@code --force} when a parameter is unknown to the CLI). */
    public static String line(CloudCall call) {
        StringBuilder sb = new StringBuilder("aliyun ").append(call.product()).append(' ').append(call.action());
        for (CloudCall.Param p : call.sent()) {
            sb.append(" --").append(p.name()).append(' ');
            sb.append(p.variable() ? "\"$" + p.value() + "\"" : ShellQuoting.quote(p.value()));
        }
        if (call.hasRawParams()) {
            // The CLI checks parameters against its API metadata; EnhancedNetwork.EnableRss is not in it yet.
            sb.append(" --force");
        }
        return sb.toString();
    }

    /** The lines a user would type, in plan order (what the review page shows). */
    public static List<String> lines(CloudPlan plan) {
        List<String> out = new ArrayList<>();
        PlanNames names = new PlanNames();
        for (CloudAction step : plan.steps()) {
            CloudCall call = step.toCall(names);
            String l = line(call);
            if (step instanceof CloudAction.CreateNetworkInterface) {
                l = call.get("NetTune.Creates").orElse("ENI_ID") + "=$(" + l + " | jq -r .NetworkInterfaceId)";
            }
            out.add(l);
        }
        return out;
    }

    /** The whole plan as a shell script: comments say what each step does and what the user must know. */
    public static String script(CloudPlan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("#!/bin/sh\n");
        sb.append("# NetTune plan: ").append(oneLine(plan.title())).append('\n');
        sb.append("# Needs the aliyun CLI (configured: aliyun configure) and jq.\n");
        for (String n : plan.notes()) {
            sb.append("# Note: ").append(oneLine(n)).append('\n');
        }
        sb.append("set -eu\n");
        PlanNames names = new PlanNames();
        List<String> lines = lines(plan);
        for (int i = 0; i < plan.steps().size(); i++) {
            CloudAction step = plan.steps().get(i);
            CloudCall call = step.toCall(names);
            sb.append('\n').append("# ").append(i + 1).append(". ").append(oneLine(step.describe())).append('\n');
            step.interruption().ifPresent(x -> sb.append("# Interrupts service: ").append(oneLine(x)).append('\n'));
            call.get("DeviceIndex").ifPresent(d -> sb.append("# Expected device index ").append(d)
                    .append(": AttachNetworkInterface takes no DeviceIndex, ECS assigns the next free one.\n"));
            if (call.hasRawParams()) {
                sb.append("# EnhancedNetwork.EnableRss is in no SDK or CLI metadata yet: --force sends it as given.\n");
            }
            sb.append(lines.get(i)).append('\n');
            waiter(step, call).ifPresent(w -> sb.append(w).append('\n'));
        }
        return sb.toString();
    }

    private static java.util.Optional<String> waiter(CloudAction step, CloudCall call) {
        String eni = call.param("NetworkInterfaceId").map(p -> p.variable() ? "\"$" + p.value() + "\"" : ShellQuoting.quote(p.value())).orElse("");
        String region = ShellQuoting.quote(step.region().value());
        if (step instanceof CloudAction.CreateNetworkInterface) {
            String var = call.get("NetTune.Creates").orElse("ENI_ID");
            return java.util.Optional.of("aliyun ecs DescribeNetworkInterfaceAttribute --RegionId " + region + " --NetworkInterfaceId \"$" + var
                    + "\" --waiter expr='Status' to='Available'");
        }
        if (step instanceof CloudAction.AttachNetworkInterface) {
            return java.util.Optional.of("aliyun ecs DescribeNetworkInterfaceAttribute --RegionId " + region + " --NetworkInterfaceId " + eni
                    + " --waiter expr='Status' to='InUse'");
        }
        if (step instanceof CloudAction.DetachNetworkInterface) {
            return java.util.Optional.of("aliyun ecs DescribeNetworkInterfaceAttribute --RegionId " + region + " --NetworkInterfaceId " + eni
                    + " --waiter expr='Status' to='Available'");
        }
        if (step instanceof CloudAction.AssociateEip a) {
            return java.util.Optional.of("aliyun vpc DescribeEipAddresses --RegionId " + region + " --AllocationId "
                    + ShellQuoting.quote(a.binding().allocationId().value()) + " --waiter expr='EipAddresses.EipAddress[0].Status' to='InUse'");
        }
        if (step instanceof CloudAction.RebootInstance r) {
            return java.util.Optional.of("aliyun ecs DescribeInstanceAttribute --InstanceId " + ShellQuoting.quote(r.instance().value())
                    + " --waiter expr='Status' to='Running'");
        }
        return java.util.Optional.empty();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
