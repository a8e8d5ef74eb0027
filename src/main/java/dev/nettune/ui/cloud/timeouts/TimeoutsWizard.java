package dev.nettune.ui.cloud.timeouts;

import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.ui.cloud.CloudSession;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.cloud.ReviewPageController;
import dev.nettune.ui.cloud.RunPageController;
import dev.nettune.ui.cloud.WizardPages;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/** The wizard for an ENI's connection-tracking timeouts: values → review (plan + aliyun CLI) → run. */
public final class TimeoutsWizard {
    private final Wizard wizard;
    private final TimeoutsWizardModel model;

    public TimeoutsWizard(Object owner, CloudSession session, TaskRunner tasks, NetworkInterfaceId eni) {
        model = new TimeoutsWizardModel(session, tasks, eni);
        wizard = WizardPages.wizard(owner, dev.nettune.ui.common.Messages.format("wizard.timeouts.title", eni));
        TimeoutsPageController form = new TimeoutsPageController(model);
        ReviewPageController review = new ReviewPageController(model::plan, model.runner());
        RunPageController run = new RunPageController(model.runner());
        WizardPane formPage = WizardPages.page(dev.nettune.ui.common.Messages.format("wizard.timeouts.page.form", eni),
                WizardPages.load(TimeoutsWizard.class.getResource("TimeoutsPage.fxml"), form), model::invalidProperty, () -> { });
        WizardPane reviewPage = WizardPages.page(dev.nettune.ui.common.Messages.get("wizard.page.review"),
                WizardPages.load(TimeoutsWizard.class.getResource("/dev/nettune/ui/cloud/ReviewPage.fxml"), review),
                review::blocked, review::refresh);
        WizardPane runPage = WizardPages.page(dev.nettune.ui.common.Messages.get("wizard.timeouts.page.run"),
                WizardPages.load(TimeoutsWizard.class.getResource("/dev/nettune/ui/cloud/RunPage.fxml"), run),
                () -> model.runner().finishedProperty().not(), () -> model.runner().run(review.reviewed()));
        wizard.setFlow(new Wizard.LinearFlow(formPage, reviewPage, runPage));
        wizard.getDialog().setOnHidden(e -> model.runner().cancel());
        model.load();
    }

    public Wizard wizard() {
        return wizard;
    }

    public TimeoutsWizardModel model() {
        return model;
    }
}
