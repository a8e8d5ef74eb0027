package dev.nettune.cloud;

/** Sample plans for tests in other packages. */
public final class PlanRenderingTestAccess {
    private PlanRenderingTestAccess() {
    }

    public static CloudPlan fullWorkflow() {
        return PlanRenderingTest.fullWorkflow();
    }
}
