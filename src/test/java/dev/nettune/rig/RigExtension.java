package dev.nettune.rig;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Opt-in: runs a test class against the rig guest only when {@code -Dnettune.rig=<rig folder>} is set (the Maven
 * profile {@code rig} sets it), and skips it with the reason otherwise. The guest is booted once per test run (in the
 * root context's store) and stopped when the run ends; tests get it as a {@link RigGuest} parameter.
 */
final class RigExtension implements BeforeAllCallback, ParameterResolver {
    static final String PROPERTY = "nettune.rig";

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        guest(context);
    }

    private static RigGuest guest(ExtensionContext context) {
        String source = System.getProperty(PROPERTY, "");
        Assumptions.assumeTrue(!source.isBlank() && !source.equals("true"),
                "the rig tests are opt-in: run ./mvnw -Prig verify (or -Dnettune.rig=/work/shared/rig) as root");
        Path src = Path.of(source);
        Assumptions.assumeTrue(Files.isRegularFile(src.resolve("run.sh")), "no rig at " + src.toAbsolutePath() + " (run.sh missing)");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "the rig needs root (QEMU's tap, ip netns, build.sh's apt-get); this JVM runs as " + System.getProperty("user.name"));
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/net/tun")), "the rig needs /dev/net/tun");
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
