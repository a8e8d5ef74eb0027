package dev.nettune.ui.monitor;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the chart frames a Monitor view model hands to its view: how tests see that it redrew (or did not). */
final class FramesDrawn {
    private final AtomicInteger count = new AtomicInteger();

    private FramesDrawn(MonitorViewModel model) {
        // An invalidation listener that reads the value back fires on every new frame, equal or not.
        model.frameProperty().addListener(o -> {
            model.frameProperty().get();
            count.incrementAndGet();
        });
    }

    /** Starts counting the frames {@code model} draws from now on. */
    static FramesDrawn of(MonitorViewModel model) {
        return new FramesDrawn(model);
    }

    /** How many frames were drawn since counting started. */
    int get() {
        return count.get();
    }
}
