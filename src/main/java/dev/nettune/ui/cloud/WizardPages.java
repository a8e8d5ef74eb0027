package dev.nettune.ui.cloud;

import dev.nettune.ui.common.View;
import java.net.URL;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanExpression;
import javafx.scene.Parent;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/** Builds ControlsFX wizard pages from FXML with a given controller; a page blocks "Next" while it is invalid. */
public final class WizardPages {
    private WizardPages() {
    }

    public static Parent load(URL fxml, Object controller) {
        return View.page(fxml, controller);
    }

    /** A page whose Next/Finish button is disabled while {@code invalid} is true; {@code onEnter} runs each time it is shown. */
    public static WizardPane page(String header, Parent content, Supplier<BooleanExpression> invalid, Runnable onEnter) {
        WizardPane pane = new WizardPane() {
            @Override
            public void onEnteringPage(Wizard wizard) {
                wizard.invalidProperty().unbind();
                wizard.invalidProperty().bind(invalid.get());
                // ControlsFX ships its Previous/Next labels in English only, JavaFX its Cancel/Finish in the JVM's locale.
                dev.nettune.ui.common.DialogButtons.say(this);
                onEnter.run();
            }

            @Override
            public void onExitingPage(Wizard wizard) {
                wizard.invalidProperty().unbind();
                wizard.setInvalid(false);
            }
        };
        pane.setHeaderText(header);
        pane.setContent(content);
        // Size to the content, never below it: labels and messages are not cut to "Expected dev…".
        if (content instanceof javafx.scene.layout.Region r) {
            r.setMinSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        pane.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return pane;
    }

    /** A wizard that keeps its values in view models, not in ControlsFX's settings map. */
    public static Wizard wizard(Object owner, String title) {
        Wizard w = new Wizard(owner, title);
        w.setReadSettings(false);
        // The wizard re-sizes to each page; the user may make it larger (long plans, long logs).
        w.getDialog().setResizable(true);
        return w;
    }
}
