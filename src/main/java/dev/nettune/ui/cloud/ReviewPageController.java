package dev.nettune.ui.cloud;

import dev.nettune.cloud.CloudPlan;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;

/** The review page of a cloud wizard: the plan with its aliyun CLI lines, and consent to any interruption. */
public final class ReviewPageController {
    private final Supplier<CloudPlan> plan;
    private final PlanRunModel runner;
    private CloudPlan current;
    private final javafx.beans.property.BooleanProperty needsConsent = new javafx.beans.property.SimpleBooleanProperty(false);
    @FXML
    TextArea planText;
    @FXML
    CheckBox acceptInterruptions;

    public ReviewPageController(Supplier<CloudPlan> plan, PlanRunModel runner) {
        this.plan = plan;
        this.runner = runner;
    }

    @FXML
    void initialize() {
        acceptInterruptions.selectedProperty().bindBidirectional(runner.interruptionsAccepted());
    }

    /** Rebuilds the plan from the pages before (called when the page is entered). */
    public void refresh() {
        current = plan.get();
        planText.setText(PlanRunModel.reviewText(current));
        boolean interrupts = !current.interruptions().isEmpty();
        acceptInterruptions.setVisible(interrupts);
        acceptInterruptions.setManaged(interrupts);
        needsConsent.set(interrupts);
        acceptInterruptions.setText("I accept the interruption: " + String.join(" ", current.interruptions()));
    }

    /** True while the plan interrupts service and the user has not accepted that: "Next" stays disabled. */
    public javafx.beans.binding.BooleanBinding blocked() {
        return needsConsent.and(runner.interruptionsAccepted().not());
    }

    /** The plan the user reviewed: exactly this one runs. */
    public CloudPlan reviewed() {
        return current;
    }
}
