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
        pane.setPrefWidth(720);
        return pane;
    }

    /** A wizard that keeps its values in view models, not in ControlsFX's settings map. */
    public static Wizard wizard(Object owner, String title) {
        Wizard w = new Wizard(owner, title);
        w.setReadSettings(false);
        return w;
    }
}
