package dev.nettune.ui.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.testing.RealAccountRig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One journey's set-up on a real (non-sandbox) account: a fresh {@link RealAccountRig} remembered as the account the
 * Cloud screen opens on, the app's theme, a 1280x800 stage; and the wizard buttons a user clicks. The Cloud, production
 * and journal journeys each wrote this themselves.
 */
final class RealAccountJourney {
    /** Each journey gets a folder of its own: a rig's home and database are not shared between journeys. */
    private static final AtomicInteger RUNS = new AtomicInteger();

    final RealAccountRig rig;
    private final Stage stage;

    /** Starts the account's server under a new folder of {@code dir}; the stage shows nothing until {@link #show}. */
    RealAccountJourney(Path dir, Stage stage) {
        this.stage = stage;
        rig = new RealAccountRig(dir.resolve("run" + RUNS.incrementAndGet()));
        rig.rememberProd();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** Shows {@code root} in the journey's stage at 1280x800. */
    void show(Parent root) {
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }

    /** Opens the Cloud screen on the journey's account (sandbox waits made fast) and shows it. */
    CloudScreen showCloudScreen() {
        CloudScreen screen = CloudScreen.load(rig.context, rig.accounts, SandboxWaits.fast());
        show(screen.root());
        return screen;
    }

    Stage stage() {
        return stage;
    }

    /** Hides every window the journey opened (wizards, dialogs) but its stage, and stops the account's server. */
    void close(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        rig.close();
    }

    /** The visible button labelled {@code text}. */
    static Button button(FxRobot robot, String text) {
        return robot.lookup(".button").queryAllAs(Button.class).stream().filter(b -> b.getText() != null && text.equals(b.getText().strip())
                && b.isVisible()).findFirst().orElseThrow(() -> new AssertionError("no button " + text));
    }

    /** Clicks a wizard's Next, which must be enabled. */
    static void next(FxRobot robot) {
        Button next = button(robot, "Next");
        assertThat(next.isDisabled()).as("Next is enabled on " + header(robot)).isFalse();
        robot.clickOn(next);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The header of the wizard page in view. */
    static String header(FxRobot robot) {
        return robot.lookup(".wizard-pane").queryAllAs(DialogPane.class).stream().filter(Node::isVisible)
                .map(DialogPane::getHeaderText).reduce((a, b) -> b).orElse("");
    }

    /** The RSS page's preflight lines as shown, one label per line. */
    static List<javafx.scene.control.Label> preflightLines(FxRobot robot) {
        return robot.lookup("#prodPreflightText").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(javafx.scene.control.Label.class::cast).toList();
    }

    /** The RSS page's preflight as the user reads it: its lines, one under the other. */
    static String preflight(FxRobot robot) {
        return String.join("\n", preflightLines(robot).stream().map(javafx.scene.control.Label::getText).toList());
    }

    /** On the ENI wizard's instance page: chooses the sandbox seed's instance. */
    static void chooseSeedInstance(FxRobot robot) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<dev.nettune.cloud.CloudInstance> instance =
                robot.lookup("#eniInstance").queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> instance.getItems().stream().filter(i -> i.id().value().equals(dev.nettune.sandbox.cloud.DemoSeed.SANDBOX_INSTANCE))
                .findFirst().ifPresent(instance::setValue));
    }

    /** On the ENI wizard's ENI page: picks the seed's Available secondary ENI instead of creating one. */
    static void pickSeedSecondaryEni(FxRobot robot) {
        robot.clickOn("#eniPick");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<dev.nettune.cloud.NetworkInterface> existing =
                robot.lookup("#eniExisting").queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> existing.getItems().stream().filter(n -> n.id().value().equals(dev.nettune.sandbox.cloud.DemoSeed.SECONDARY_ENI))
                .findFirst().ifPresent(existing::setValue));
    }
}
