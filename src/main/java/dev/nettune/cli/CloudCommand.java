package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.app.CloudConnection;
import dev.nettune.cloud.AliyunCliScript;
import dev.nettune.cloud.CloudAction;
import dev.nettune.cloud.CloudApiException;
import dev.nettune.cloud.CloudCall;
import dev.nettune.cloud.CloudInputException;
import dev.nettune.cloud.CloudPlan;
import dev.nettune.cloud.CloudPlanRunner;
import dev.nettune.cloud.PlanNames;
import dev.nettune.cloud.RegionId;
import dev.nettune.cloud.ResourceWaiter;
import java.io.Console;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code nettune cloud ...}: ENIs, connection timeouts, custom RSS, security-group rules and EIPs
 * through the Alibaba Cloud OpenAPI, each change a plan shown first (with its aliyun CLI lines),
 * journaled, resumable and undoable.
 */
@Command(name = "cloud", mixinStandardHelpOptions = true,
        description = {"Set up ENIs, connection timeouts, custom RSS, security-group rules and EIPs on Alibaba Cloud.",
            "Credentials: --profile NAME of ~/.aliyun/config.json, else ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (+ ALIBABA_CLOUD_SECURITY_TOKEN),",
            "else the current profile, else the ECS RAM role in ALIBABA_CLOUD_ECS_METADATA. Only the key id's last 4 characters are shown.",
            "--endpoint sandbox uses the built-in local OpenAPI server (seeded cn-hongkong, fake demo key; its state lasts for one command)."},
        subcommands = {CloudEniCommand.class, CloudSgCommand.class, CloudEipCommand.class, CloudPlanCommand.class, CloudInstancesCommand.class})
final class CloudCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Connects as the options say (validation first: a bad region or endpoint never reaches the network). */
    static CloudConnection connect(AppContext context, CloudOptions o) {
        o.region().ifPresent(RegionId::of);
        return CloudConnection.open(context, o.endpoint(), o.profile(), o.region());
    }

    /** The region a plan is made for without connecting (dry runs): --region, else the sandbox's, else the profile's. */
    static RegionId planRegion(AppContext context, CloudOptions o) {
        if (o.region().isPresent()) {
            return RegionId.of(o.region().get());
        }
        if (o.endpoint().filter(CloudConnection.SANDBOX::equalsIgnoreCase).isPresent()) {
            return RegionId.of("cn-hongkong");
        }
        return CloudConnection.profileRegion(context, o.profile())
                .orElseThrow(() -> new CloudInputException(dev.nettune.Phrase.of("cloud.cli.noRegion", "No region: pass --region (e.g. cn-hongkong).")));
    }

    /**
     * Shows the plan; unless it is a dry run, runs it (journaled) and reports. Returns the exit code:
     * 0 done, 1 failed or stopped.
     */
    static int showAndRun(AppContext context, CloudOptions o, CloudPlan plan, PrintWriter out, PrintWriter err,
            java.util.function.Supplier<CloudConnection> connection) {
        return showAndRun(context, o, plan, out, err, connection, c -> 0);
    }

    /** What to check after a plan ran through (the guest, over SSH); returns an exit code. */
    @FunctionalInterface
    interface AfterRun {
        int check(CloudConnection connection) throws Exception;
    }

    static int showAndRun(AppContext context, CloudOptions o, CloudPlan plan, PrintWriter out, PrintWriter err,
            java.util.function.Supplier<CloudConnection> connection, AfterRun after) {
        if (o.dryRun) {
            context.cloudJournal().recordPlan(plan);
            if (o.json) {
                Map<String, Object> doc = planJson(plan);
                doc.put("dryRun", true);
                out.println(CliJson.write(doc));
            } else {
                printPlan(plan, out);
                out.println(CliText.format("cloud.dryRun", String.valueOf(plan.id())));
            }
            return 0;
        }
        if (plan.isEmpty()) {
            if (o.json) {
                out.println(CliJson.write(planJson(plan)));
            } else {
                printPlan(plan, out);
            }
            return 0;
        }
        if (!o.json) {
            printPlan(plan, out);
        }
        try (CloudConnection c = connection.get()) {
            CloudPlanRunner runner = new CloudPlanRunner(c.api(), context.cloudJournal(), ResourceWaiter.standard());
            CloudPlanRunner.PlanRun run = runner.run(plan, m -> {
                if (!o.json) {
                    out.println("  .. " + m.in(CliText.locale()));
                    out.flush();
                }
            }, confirmation(o, out, err));
            int exit = report(run, o, plan, out, err);
            if (exit == 0) {
                try {
                    return after.check(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    err.println(CliText.get("cloud.guestInterrupted"));
                    return 1;
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    err.println(CliText.format("cloud.guestCheckFailed", String.valueOf(e.getMessage())));
                    return 1;
                }
            }
            return exit;
        }
    }

    static int report(CloudPlanRunner.PlanRun run, CloudOptions o, CloudPlan plan, PrintWriter out, PrintWriter err) {
        if (o.json) {
            Map<String, Object> doc = planJson(plan);
            doc.put("completed", run.completed());
            doc.put("results", run.stepResults());
            run.failure().ifPresent(f -> doc.put("failure", f));
            run.apiError().ifPresent(e -> {
                Map<String, Object> ae = new LinkedHashMap<>();
                ae.put("code", e.code());
                ae.put("message", e.apiMessage());
                ae.put("requestId", e.requestId().orElse(null));
                e.advice().ifPresent(a -> ae.put("advice", a));
                doc.put("error", ae);
            });
            out.println(CliJson.write(doc));
        } else {
            run.resultPhrases().forEach(r -> out.println("  ok " + r.in(CliText.locale())));
            if (run.completed()) {
                out.println(CliText.format("cloud.done", String.valueOf(run.planId())));
            }
        }
        run.failurePhrase().ifPresent(f -> err.println("nettune: " + f.in(CliText.locale())));
        return run.completed() ? 0 : 1;
    }

    static CloudPlanRunner.Confirmation confirmation(CloudOptions o, PrintWriter out, PrintWriter err) {
        if (o.yes) {
            return CloudPlanRunner.Confirmation.ALWAYS;
        }
        return (step, english) -> {
            // The runner hands the interruption over in English; the step says it in the CLI's language.
            String why = step.interruptionPhrase().map(p -> p.in(CliText.locale())).orElse(english);
            Console console = System.console();
            if (console == null || o.json) {
                err.println(CliText.format("cloud.needsYes", why));
                return false;
            }
            out.println(CliText.format("cloud.interrupts", why));
            out.flush();
            return confirms(console.readLine("%s", proceedPrompt(step)));
        };
    }

    /** The question before a step that interrupts service, naming the step in the CLI's language. */
    static String proceedPrompt(CloudAction step) {
        return CliText.format("cloud.proceed", step.title().in(CliText.locale())) + " ";
    }

    /**
     * Whether the answer to {@link #proceedPrompt} is a yes: y or yes in every language, and the words the prompt
     * tells a Chinese user to type (the bundle's {@code cloud.proceed.yes}); anything else, or nothing, is a no.
     */
    static boolean confirms(String answer) {
        if (answer == null) {
            return false;
        }
        String a = answer.strip().toLowerCase(java.util.Locale.ROOT);
        return a.equals("y") || a.equals("yes") || java.util.Arrays.stream(CliText.get("cloud.proceed.yes").split(","))
                .map(String::strip).anyMatch(w -> !w.isEmpty() && w.toLowerCase(java.util.Locale.ROOT).equals(a));
    }

    static void printPlan(CloudPlan plan, PrintWriter out) {
        out.println(CliText.format("cloud.plan", String.valueOf(plan.id()), plan.titlePhrase().in(CliText.locale())));
        List<String> lines = AliyunCliScript.lines(plan);
        for (int i = 0; i < plan.steps().size(); i++) {
            CloudAction s = plan.steps().get(i);
            out.println("  " + (i + 1) + ". " + s.title().in(CliText.locale()));
            s.interruptionPhrase().ifPresent(x -> out.println(CliText.format("cloud.stepInterrupts", x.in(CliText.locale()))));
            out.println("     " + lines.get(i));
        }
        if (plan.isEmpty()) {
            out.println(CliText.get("cloud.nothingToDo"));
        }
        for (dev.nettune.Phrase n : plan.notePhrases()) {
            out.println(CliText.format("cloud.note", n.in(CliText.locale())));
        }
    }

    static Map<String, Object> planJson(CloudPlan plan) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("planId", plan.id());
        doc.put("title", plan.title());
        List<Map<String, Object>> steps = new ArrayList<>();
        PlanNames names = new PlanNames();
        List<String> lines = AliyunCliScript.lines(plan);
        for (int i = 0; i < plan.steps().size(); i++) {
            CloudAction a = plan.steps().get(i);
            CloudCall call = a.toCall(names);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", i + 1);
            s.put("description", a.describe());
            s.put("product", call.product());
            s.put("action", call.action());
            Map<String, String> params = new LinkedHashMap<>();
            call.sent().forEach(p -> params.put(p.name(), p.variable() ? "$" + p.value() : p.value()));
            s.put("parameters", params);
            s.put("aliyunCli", lines.get(i));
            a.interruption().ifPresent(x -> s.put("interrupts", x));
            steps.add(s);
        }
        doc.put("steps", steps);
        doc.put("notes", plan.notes());
        return doc;
    }

    /** An API error for a person: code, message, RequestId and advice (used where no plan runs). */
    static String describe(CloudApiException e) {
        return e.getMessage() + e.advice().map(a -> " " + a).orElse("");
    }

    /** Opens a host the way `nettune host` does (ssh alias, saved host, user@host:port, local, sandbox), with the command's host options. */
    static dev.nettune.host.Host host(AppContext context, String name, HostConnectionOptions connection) throws dev.nettune.host.HostException {
        return connection.open(context, name);
    }
}
