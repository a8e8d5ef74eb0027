package dev.nettune.ui.cloud.production;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** A style class that follows a condition (danger on a failed check or verdict, success on a pass). */
final class Styles {
    private Styles() {
    }

    static void toggle(Node node, String styleClass, ObservableBooleanValue on) {
        Runnable apply = () -> {
            node.getStyleClass().remove(styleClass);
            if (on.get()) {
                node.getStyleClass().add(styleClass);
            }
        };
        apply.run();
        on.addListener((o, was, is) -> apply.run());
        // A binding is held by its dependencies only weakly: the node keeps it, or it is collected and the class stops following.
        node.getProperties().put(Styles.class.getName() + "." + styleClass, on);
    }
}
