package dev.nettune.rig;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Opt-in: runs a test class against the rig guest only when {@code -Dnettune.rig=<rig folder>} is set (the Maven
 * profile {@code rig} sets it), and skips it with the reason otherwise. The guest is booted once per test run (in the
 * root context's store) and stopped when the run ends; tests get it as a {@link RigGuest} parameter.
 */
final class RigExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {
    static final String PROPERTY = "nettune.rig";

    /** Skips (with the reason) unless the rig is asked for and can run here; boots nothing. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String source = System.getProperty(PROPERTY, "");
        if (source.isBlank() || source.equals("true")) {
            return ConditionEvaluationResult.disabled("The rig tests are opt-in: run ./mvnw -Prig verify "
                    + "(or -Dnettune.rig=/work/shared/rig) as root.");
        }
        if (!Files.isRegularFile(Path.of(source).resolve("run.sh"))) {
            return ConditionEvaluationResult.disabled("No rig at " + Path.of(source).toAbsolutePath() + " (run.sh missing).");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return ConditionEvaluationResult.disabled("The rig needs root (QEMU's tap, ip netns, build.sh's apt-get); this JVM runs as "
                    + System.getProperty("user.name") + ".");
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            return ConditionEvaluationResult.disabled("The rig needs /dev/net/tun.");
        }
        return ConditionEvaluationResult.enabled("rig at " + source);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        guest(context);
    }

    private static RigGuest guest(ExtensionContext context) {
        Path src = Path.of(System.getProperty(PROPERTY));
        Path dir = Path.of(System.getProperty("nettune.rig.dir", Path.of(System.getProperty("java.io.tmpdir"), "nettune-rig").toString()));
        return context.getRoot().getStore(ExtensionContext.Namespace.create(RigExtension.class)).getOrComputeIfAbsent("guest", k -> {
            try {
                return RigGuest.boot(src, dir);
            } catch (Exception e) {
                throw new IllegalStateException("Could not boot the rig from " + src + " in " + dir + ": " + e.getMessage(), e);
            }
        }, RigGuest.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RigGuest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return guest(context);
    }
}
