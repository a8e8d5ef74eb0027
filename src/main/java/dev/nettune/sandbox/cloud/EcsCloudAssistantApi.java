package dev.nettune.sandbox.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * ECS Cloud Assistant of the simulated region: RunCommand (Type RunShellScript, PlainText or Base64
 * content, Timeout 10-86400 s) hands the script to each instance's {@link GuestAgent} on a worker thread
 * and answers an InvokeId at once; DescribeInvocationResults reports Running, then Finished or Failed
 * with the exit code and the output (base64 when asked; only its last 24 KB, with {@code Dropped} the bytes cut
 * before them, as the service does), or Timeout, or Failed with ErrorCode
 * {@code ClientNotRunning} when the agent is offline; DescribeCloudAssistantStatus says whose agent runs.
 */
final class EcsCloudAssistantApi {
    private static final int OUTPUT_LIMIT = 24 * 1024;

    private final SimulatedCloud cloud;
    private final ExecutorService workers;

    EcsCloudAssistantApi(SimulatedCloud cloud, ExecutorService workers) {
        this.cloud = cloud;
        this.workers = workers;
    }

    Map<String, ApiHandler> handlers() {
        Map<String, ApiHandler> handlers = new LinkedHashMap<>();
        handlers.put("RunCommand", this::runCommand);
        handlers.put("DescribeInvocationResults", this::describeInvocationResults);
        handlers.put("DescribeCloudAssistantStatus", this::describeCloudAssistantStatus);
        return handlers;
    }

    private void runCommand(ApiRequest request, ObjectNode response) {
        String regionId = request.regionId();
        cloud.region(regionId);
        String type = request.required("Type");
        if (!List.of("RunShellScript", "RunBatScript", "RunPowerShellScript").contains(type)) {
            throw OpenApiException.invalidParameter("Type", type, "Allowed values: RunShellScript, RunBatScript, RunPowerShellScript.");
        }
        if (!type.equals("RunShellScript")) {
            throw new OpenApiException(403, "InvalidOperation.OSTypeNotMatch", "The command type does not match the OS type of the instance.");
        }
        String encoding = request.optional("ContentEncoding").orElse("PlainText");
        String content = request.required("CommandContent");
        String script;
        if (encoding.equalsIgnoreCase("Base64")) {
            try {
                script = new String(Base64.getDecoder().decode(content), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new OpenApiException(400, "InvalidCommandContent.NotBase64", "The specified CommandContent is not valid Base64.");
            }
        } else if (encoding.equalsIgnoreCase("PlainText")) {
            script = content;
        } else {
            throw OpenApiException.invalidParameter("ContentEncoding", encoding, "Allowed values: PlainText, Base64.");
        }
        if (script.getBytes(StandardCharsets.UTF_8).length > 18 * 1024) {
            throw new OpenApiException(400, "InvalidCommandContent.LengthLimitExceeded", "The CommandContent exceeds 18 KB after decoding.");
        }
        int timeout = request.optionalInt("Timeout", 10, 86_400).orElse(60);
        List<String> ids = request.list("InstanceId");
        if (ids.isEmpty()) {
            throw OpenApiException.missingParameter("InstanceId.1");
        }
        List<CloudModel.Instance> targets = ids.stream().map(id -> cloud.findInstance(regionId, id).orElseThrow(() ->
                new OpenApiException(404, "InvalidInstance.NotFound", "The specified instance does not exist: " + id + "."))).toList();
        for (CloudModel.Instance i : targets) {
            if (!"Running".equals(i.status)) {
                throw new OpenApiException(403, "InstanceNotRunning", "The instance " + i.id + " is not running.");
            }
        }
        String invokeId = cloud.newId("t", regionId);
        String commandId = cloud.newId("c", regionId);
        for (CloudModel.Instance i : targets) {
            CloudModel.Invocation inv = new CloudModel.Invocation();
            inv.invokeId = invokeId;
            inv.commandId = commandId;
            inv.instanceId = i.id;
            inv.regionId = regionId;
            inv.start = cloud.clock().instant();
            inv.timeoutSeconds = timeout;
            cloud.invocations.put(invokeId + "/" + i.id, inv);
            GuestAgent agent = cloud.agent(i.id);
            if (agent == null) {
                finish(inv, "Failed", null, "", "ClientNotRunning", "The Cloud Assistant agent is not running on the instance.");
                continue;
            }
            workers.submit(() -> execute(inv, agent, script, Duration.ofSeconds(timeout)));
        }
        response.put("InvokeId", invokeId);
        response.put("CommandId", commandId);
    }

    private void execute(CloudModel.Invocation inv, GuestAgent agent, String script, Duration timeout) {
        try {
            GuestAgent.Result r = agent.run(script, timeout);
            String out = r.output();
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            int dropped = 0;
            if (bytes.length > OUTPUT_LIMIT) {
                // As the real agent: only the last 24 KB of the output is kept, and Dropped says how much went.
                dropped = bytes.length - OUTPUT_LIMIT;
                out = new String(bytes, dropped, OUTPUT_LIMIT, StandardCharsets.UTF_8);
            }
            synchronized (cloud) {
                inv.dropped = dropped;
            }
            finish(inv, r.exitCode() == 0 ? "Finished" : "Failed", r.exitCode(), out, "", "");
        } catch (GuestAgent.TimedOut e) {
            finish(inv, "Timeout", null, "", "InvocationTimeout", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(inv, "Failed", null, "", "ClientNotResponse", "The agent stopped answering.");
        } catch (RuntimeException e) {
            finish(inv, "Failed", null, "", "ClientNotResponse", e.getMessage());
        }
    }

    private void finish(CloudModel.Invocation inv, String status, Integer exitCode, String output, String errorCode, String errorInfo) {
        synchronized (cloud) {
            inv.status = status;
            inv.exitCode = exitCode;
            inv.output = output;
            inv.errorCode = errorCode;
            inv.errorInfo = errorInfo == null ? "" : errorInfo;
            inv.finished = cloud.clock().instant();
        }
    }

    private void describeInvocationResults(ApiRequest request, ObjectNode response) {
        String regionId = request.regionId();
        cloud.region(regionId);
        String invokeId = request.optional("InvokeId").orElse(null);
        String instanceId = request.optional("InstanceId").orElse(null);
        boolean base64 = request.optional("ContentEncoding").map(e -> e.equalsIgnoreCase("Base64")).orElse(false);
        List<CloudModel.Invocation> matches = cloud.invocations.values().stream()
                .filter(i -> i.regionId.equals(regionId))
                .filter(i -> invokeId == null || i.invokeId.equals(invokeId))
                .filter(i -> instanceId == null || i.instanceId.equals(instanceId))
                .toList();
        ObjectNode invocation = response.putObject("Invocation");
        ArrayNode results = Json.list(invocation, "InvocationResults", "InvocationResult");
        for (CloudModel.Invocation i : EcsApi.page(request, invocation, matches, 50)) {
            ObjectNode r = results.addObject();
            r.put("InvokeId", i.invokeId);
            r.put("CommandId", i.commandId);
            r.put("InstanceId", i.instanceId);
            r.put("InvocationStatus", i.status);
            r.put("InvokeRecordStatus", i.finished == null ? "Running" : "Finished");
            r.put("Repeats", 1);
            r.put("Username", "root");
            r.put("StartTime", Json.seconds(i.start));
            if (i.finished != null) {
                r.put("FinishedTime", Json.seconds(i.finished));
                r.put("StopTime", "");
            }
            if (i.exitCode != null) {
                r.put("ExitCode", i.exitCode.longValue());
            }
            r.put("Output", base64 ? Base64.getEncoder().encodeToString(i.output.getBytes(StandardCharsets.UTF_8)) : i.output);
            r.put("Dropped", i.dropped);
            r.put("ErrorCode", i.errorCode);
            r.put("ErrorInfo", i.errorInfo);
        }
    }

    private void describeCloudAssistantStatus(ApiRequest request, ObjectNode response) {
        String regionId = request.regionId();
        cloud.region(regionId);
        List<String> ids = request.list("InstanceId");
        List<CloudModel.Instance> matches = cloud.instances.values().stream()
                .filter(i -> i.regionId.equals(regionId))
                .filter(i -> ids.isEmpty() || ids.contains(i.id))
                .filter(i -> cloud.hasAgentInstalled(i.id))
                .toList();
        ArrayNode set = Json.list(response, "InstanceCloudAssistantStatusSet", "InstanceCloudAssistantStatus");
        for (CloudModel.Instance i : EcsApi.page(request, response, matches, 50)) {
            ObjectNode s = set.addObject();
            s.put("InstanceId", i.id);
            boolean on = cloud.agent(i.id) != null && "Running".equals(i.status);
            s.put("CloudAssistantStatus", String.valueOf(on).toLowerCase(Locale.ROOT));
            s.put("CloudAssistantVersion", "2.2.3.857");
            s.put("OSType", "Linux");
            s.put("SupportSessionManager", true);
            s.put("ActiveTaskCount", 0);
            s.put("InvocationCount", cloud.invocations.values().stream().filter(v -> v.instanceId.equals(i.id)).count());
        }
    }
}
