package dev.nettune.cloud;

/** What a plan step runs with: the API, the plan's learned ids, the waiter and a progress sink. */
public record StepEnvironment(CloudApi api, PlanContext context, ResourceWaiter waiter, ProgressListener progress) {
}
