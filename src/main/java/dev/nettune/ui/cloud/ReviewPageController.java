package dev.nettune.ui.cloud;

import dev.nettune.ui.common.Messages;
import dev.nettune.cloud.CloudPlan;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

/**
 * The review page of a cloud wizard: the plan with its aliyun CLI lines, consent to any interruption,
 * and, on a real (non-sandbox) account, the user's confirmation that real resources change. "Next"
 * (run) stays disabled until the plan could be built and every consent is given.
 */
public final class ReviewPageController {
    private final Supplier<CloudPlan> plan;
    private final PlanRunModel runner;
    private CloudPlan current;
    private final BooleanProperty needsConsent = new SimpleBooleanProperty(false);
    private final BooleanProperty planMissing = new SimpleBooleanProperty(true);
    private final BooleanProperty realConfirmed = new SimpleBooleanProperty(false);
    @FXML
    TextArea planText;
    @FXML
    CheckBox acceptInterruptions;
    @FXML
    CheckBox confirmRealAccount;
    @FXML
    Label planProblem;

    public ReviewPageController(Supplier<CloudPlan> plan, PlanRunModel runner) {
        this.plan = plan;
        this.runner = runner;
    }

    @FXML
    void initialize() {
        acceptInterruptions.selectedProperty().bindBidirectional(runner.interruptionsAcceptedProperty());
        boolean real = !runner.session().sandbox();
        confirmRealAccount.setVisible(real);
        confirmRealAccount.setManaged(real);
        confirmRealAccount.setText(dev.nettune.ui.common.Messages.format("cloud.review.confirmReal", runner.session().region(), runner.session().description()));
        confirmRealAccount.selectedProperty().bindBidirectional(realConfirmed);
        realConfirmed.set(!real);
        planProblem.managedProperty().bind(planProblem.visibleProperty());
    }

    /** Rebuilds the plan from the pages before (called when the page is entered); a plan that cannot be built blocks the run. */
    public void refresh() {
        try {
            current = plan.get();
        } catch (RuntimeException e) {
            // A page let through a value the planner refuses: say so here, never run a half-built plan.
            current = null;
            planMissing.set(true);
            planText.setText("");
            planProblem.setText(dev.nettune.ui.common.Messages.format("cloud.review.planProblem", Messages.problem(e)));
            planProblem.setVisible(true);
            acceptInterruptions.setVisible(false);
            acceptInterruptions.setManaged(false);
            needsConsent.set(false);
            return;
        }
        planMissing.set(false);
        planProblem.setVisible(false);
        planText.setText(PlanRunModel.reviewText(current));
        boolean interrupts = !current.interruptions().isEmpty();
        acceptInterruptions.setVisible(interrupts);
        acceptInterruptions.setManaged(interrupts);
        needsConsent.set(interrupts);
        acceptInterruptions.setText(dev.nettune.ui.common.Messages.format("cloud.review.acceptInterruptions", String.join(" ", current.interruptions())));
    }

    /** True while there is no plan, the plan interrupts service without consent, or a real account is not confirmed. */
    public BooleanBinding blocked() {
        return planMissing.or(needsConsent.and(runner.interruptionsAcceptedProperty().not())).or(realConfirmed.not());
    }

    /** The plan the user reviewed: exactly this one runs (null if it could not be built). */
    public CloudPlan reviewed() {
        return current;
    }
}
