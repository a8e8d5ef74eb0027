package dev.nettune.ui.welcome;

import dev.nettune.ui.common.NavigateEvent;
import dev.nettune.ui.common.ScreenId;
import dev.nettune.ui.common.ShownText;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Binds the Welcome page; each tour opens a screen on the sandbox and presses its first button. */
public final class WelcomeController {
    private final WelcomeViewModel model;

    @FXML private VBox root;
    @FXML private Label accountsLabel;
    @FXML private Label sshHostsLabel;
    @FXML private Label knownHostsLabel;
    @FXML private Label problemsLabel;

    public WelcomeController(WelcomeViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        accountsLabel.textProperty().bind(model.accountsProperty());
        sshHostsLabel.textProperty().bind(model.sshHostsProperty());
        knownHostsLabel.textProperty().bind(model.knownHostsProperty());
        ShownText.bind(problemsLabel, model.problemsProperty());
    }

    /** The Calculator opens on the seed's example: index 117, queue 53. */
    @FXML
    private void onCalculatorTour() {
        go(ScreenId.CALCULATOR, screen -> { });
    }

    /** The Monitor starts sampling the sandbox's queues. */
    @FXML
    private void onMonitorTour() {
        go(ScreenId.MONITOR, screen -> press(screen, "#startButton"));
    }

    /** Tuning plans the built-in profile on the sandbox; Apply and Undo are the next two clicks. */
    @FXML
    private void onTuningTour() {
        go(ScreenId.TUNING, screen -> press(screen, "#planButton"));
    }

    /** The guided production setup opens from the Cloud screen, on the account chosen there. */
    @FXML
    private void onProductionSetup() {
        go(ScreenId.CLOUD, screen -> press(screen, "#openProduction"));
    }

    /** The Cloud screen opens the connection-timeouts wizard on the sandbox region. */
    @FXML
    private void onWizardTour() {
        go(ScreenId.CLOUD, screen -> press(screen, "#openTimeouts"));
    }

    private void go(ScreenId screen, Consumer<Parent> then) {
        root.fireEvent(new NavigateEvent(screen, then));
    }

    /** Presses a button of the shown screen once it can be pressed (a wizard's dialog must not block this handler). */
    private static void press(Parent screen, String selector) {
        Platform.runLater(() -> {
            Node n = screen.lookup(selector);
            if (!(n instanceof ButtonBase b)) {
                return;
            }
            if (!b.isDisabled()) {
                b.fire();
                return;
            }
            // The screen is still reading (the Cloud screen connecting): press once it can be pressed, never twice.
            javafx.beans.value.ChangeListener<Boolean> once = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                    if (!is) {
                        b.disabledProperty().removeListener(this);
                        Platform.runLater(b::fire);
                    }
                }
            };
            b.disabledProperty().addListener(once);
        });
    }
}
