package dev.nettune.ui.cloud;

import dev.nettune.cloud.ResourceWaiter;
import java.time.Duration;

/** Waits sized for the local server's fast transitions (200 ms), so journeys do not idle. */
final class SandboxWaits {
    private SandboxWaits() {
    }

    static ResourceWaiter fast() {
        return new ResourceWaiter(Duration.ofSeconds(15), Duration.ofMillis(50));
    }
}
