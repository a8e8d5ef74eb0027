package dev.nettune.ui.cloud.eni;

import dev.nettune.cloud.CloudInstance;
import dev.nettune.cloud.ElasticIp;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.SecurityGroup;
import dev.nettune.ui.cloud.CloudSession;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.cloud.ReviewPageController;
import dev.nettune.ui.cloud.RunPageController;
import dev.nettune.ui.cloud.WizardPages;
import java.util.List;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/**
 * The secondary-ENI wizard, end to end: instance → ENI (create or pick) → timeouts and RSS →
 * security-group rule → EIP → review (plan and aliyun CLI lines) → run with progress.
 */
public final class SecondaryEniWizard {
    private final Wizard wizard;
    private final SecondaryEniWizardModel model;

    public SecondaryEniWizard(Object owner, CloudSession session, TaskRunner tasks, List<CloudInstance> instances, List<NetworkInterface> enis,
            List<SecurityGroup> groups, List<ElasticIp> eips, CloudInstance preselected) {
        model = new SecondaryEniWizardModel(session, tasks, instances, enis, groups, eips, preselected);
        wizard = WizardPages.wizard(owner, dev.nettune.ui.common.Messages.get("wizard.eni.title"));
        ReviewPageController review = new ReviewPageController(model::plan, model.runner());
        WizardPane instancePage = page(dev.nettune.ui.common.Messages.get("wizard.eni.page.instance"), "InstancePage.fxml", new InstancePageController(model), model.instanceProblemProperty());
        WizardPane eniPage = page(dev.nettune.ui.common.Messages.get("wizard.eni.page.eni"), "EniPage.fxml", new EniPageController(model),
                model.eniProblemProperty());
        WizardPane settingsPage = page(dev.nettune.ui.common.Messages.get("wizard.eni.page.settings"), "SettingsPage.fxml", new SettingsPageController(model),
                model.settingsProblemProperty());
        WizardPane rulePage = page(dev.nettune.ui.common.Messages.get("wizard.eni.page.rule"), "RulePage.fxml", new RulePageController(model), model.ruleProblemProperty());
        WizardPane eipPage = page(dev.nettune.ui.common.Messages.get("wizard.eni.page.eip"), "EipPage.fxml", new EipPageController(model), model.eipProblemProperty());
        WizardPane reviewPage = WizardPages.page(dev.nettune.ui.common.Messages.get("wizard.eni.page.review"),
                WizardPages.load(SecondaryEniWizard.class.getResource("/dev/nettune/ui/cloud/ReviewPage.fxml"), review), review::blocked,
                review::refresh);
        WizardPane runPage = WizardPages.page(dev.nettune.ui.common.Messages.get("wizard.eni.page.run"),
                WizardPages.load(SecondaryEniWizard.class.getResource("/dev/nettune/ui/cloud/RunPage.fxml"), new RunPageController(model.runner())),
                () -> model.runner().finishedProperty().not(), () -> model.runner().run(review.reviewed()));
        wizard.setFlow(new Wizard.LinearFlow(instancePage, eniPage, settingsPage, rulePage, eipPage, reviewPage, runPage));
        wizard.getDialog().setOnHidden(e -> model.runner().cancel());
    }

    private static WizardPane page(String header, String fxml, Object controller, javafx.beans.binding.StringBinding problem) {
        return WizardPages.page(header, WizardPages.load(SecondaryEniWizard.class.getResource(fxml), controller), problem::isNotEmpty, () -> { });
    }

    public Wizard wizard() {
        return wizard;
    }

    public SecondaryEniWizardModel model() {
        return model;
    }
}
