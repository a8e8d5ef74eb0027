package dev.nettune.ui.cloud.rss;

import dev.nettune.cloud.NetworkInterface;
import dev.nettune.ui.cloud.CloudSession;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.cloud.ReviewPageController;
import dev.nettune.ui.cloud.RunPageController;
import dev.nettune.ui.cloud.WizardPages;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/** The wizard for custom RSS on an ENI: preflight → review (plan, interruption consent) → run and verify. */
public final class RssWizard {
    private final Wizard wizard;
    private final RssWizardModel model;

    public RssWizard(Object owner, CloudSession session, TaskRunner tasks, NetworkInterface eni) {
        model = new RssWizardModel(session, tasks, eni);
        wizard = WizardPages.wizard(owner, dev.nettune.ui.common.Messages.format("wizard.rss.title", eni.id()));
        ReviewPageController review = new ReviewPageController(model::plan, model.runner());
        WizardPane pre = WizardPages.page(dev.nettune.ui.common.Messages.format("wizard.rss.page.preflight", eni.id()),
                WizardPages.load(RssWizard.class.getResource("RssPage.fxml"), new RssPageController(model)), model::invalidProperty, () -> { });
        WizardPane rev = WizardPages.page(dev.nettune.ui.common.Messages.get("wizard.page.review"),
                WizardPages.load(RssWizard.class.getResource("/dev/nettune/ui/cloud/ReviewPage.fxml"), review), review::blocked, review::refresh);
        WizardPane run = WizardPages.page(dev.nettune.ui.common.Messages.get("wizard.rss.page.run"),
                WizardPages.load(RssWizard.class.getResource("/dev/nettune/ui/cloud/RunPage.fxml"), new RunPageController(model.runner())),
                () -> model.runner().finishedProperty().not(), () -> model.runner().run(review.reviewed()));
        wizard.setFlow(new Wizard.LinearFlow(pre, rev, run));
        // Verified inside the guest too, once the API side is done (ethtool -x on the ENI's NIC).
        model.runner().succeededProperty().addListener((o, was, is) -> {
            if (is) {
                model.checkGuest();
            }
        });
        model.guestRssProperty().addListener((o, was, is) -> {
            if (is != null && !is.isBlank()) {
                model.runner().log().add(dev.nettune.ui.common.Messages.format("rssWizard.guestLog", is));
            }
        });
        wizard.getDialog().setOnHidden(e -> model.runner().cancel());
        model.load();
    }

    public Wizard wizard() {
        return wizard;
    }

    public RssWizardModel model() {
        return model;
    }
}
