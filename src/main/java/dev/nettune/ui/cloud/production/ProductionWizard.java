package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;

import dev.nettune.app.SetupProgress;
import dev.nettune.cloud.CloudInstance;
import dev.nettune.cloud.ElasticIp;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.SecurityGroup;
import dev.nettune.ui.cloud.CloudSession;
import dev.nettune.ui.cloud.ReviewPageController;
import dev.nettune.ui.cloud.RunPageController;
import dev.nettune.ui.cloud.WizardPages;
import dev.nettune.ui.cloud.eni.EipPageController;
import dev.nettune.ui.cloud.eni.EniPageController;
import dev.nettune.ui.cloud.eni.InstancePageController;
import dev.nettune.ui.cloud.eni.RulePageController;
import dev.nettune.ui.cloud.eni.SecondaryEniWizard;
import dev.nettune.ui.cloud.eni.SettingsPageController;
import dev.nettune.ui.common.TaskRunner;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.scene.Parent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/**
 * "Set up an instance for production": the seed's whole workflow for one instance in one wizard. The
 * cloud part reuses the secondary-ENI wizard's pages, review and run (one journaled cloud plan); the
 * host part is one page per step, each previewed, applied, read back, journaled, undoable and
 * skippable. Pages share {@link ProductionWizardModel}; the progress is saved after every step.
 */
public final class ProductionWizard {
    private final Wizard wizard;
    private final ProductionWizardModel model;
    private final List<WizardPane> pages = new ArrayList<>();

    public ProductionWizard(Object owner, CloudSession session, TaskRunner tasks, List<CloudInstance> instances, List<NetworkInterface> enis,
            List<SecurityGroup> groups, List<ElasticIp> eips, CloudInstance preselected, HostWork work, SetupProgress progress) {
        model = new ProductionWizardModel(session, tasks, instances, enis, groups, eips, preselected, work, progress);
        wizard = WizardPages.wizard(owner, Messages.get("production.title"));
        var cloud = model.cloud();
        // The cloud pages and the host page, one page per host step, the verification, and Done.
        int total = 11 + model.hostSteps().size();
        WizardPane start = page(header(1, total, Messages.get("production.page.start")), "StartPage.fxml", new StartPageController(model), () -> Bindings.createBooleanBinding(() -> false));
        WizardPane instance = eniPage(header(2, total, Messages.get("production.page.instance")), "InstancePage.fxml", new InstancePageController(cloud),
                cloud.instanceProblemProperty()::isNotEmpty);
        WizardPane eni = eniPage(header(3, total, Messages.get("production.page.eni")), "EniPage.fxml", new EniPageController(cloud),
                cloud.eniProblemProperty()::isNotEmpty);
        WizardPane settings = eniPage(header(4, total, Messages.get("production.page.settings")), "SettingsPage.fxml",
                new SettingsPageController(cloud), cloud.settingsProblemProperty()::isNotEmpty);
        WizardPane rule = eniPage(header(5, total, Messages.get("production.page.rule")), "RulePage.fxml", new RulePageController(cloud),
                cloud.ruleProblemProperty()::isNotEmpty);
        WizardPane eip = eniPage(header(6, total, Messages.get("production.page.eip")), "EipPage.fxml", new EipPageController(cloud), cloud.eipProblemProperty()::isNotEmpty);
        ReviewPageController review = new ReviewPageController(cloud::plan, cloud.runner());
        WizardPane reviewPage = WizardPages.page(header(7, total, Messages.get("production.page.review")),
                WizardPages.load(SecondaryEniWizard.class.getResource("/dev/nettune/ui/cloud/ReviewPage.fxml"), review), review::blocked,
                review::refresh);
        WizardPane run = WizardPages.page(header(8, total, Messages.get("production.page.run")),
                WizardPages.load(SecondaryEniWizard.class.getResource("/dev/nettune/ui/cloud/RunPage.fxml"), new RunPageController(cloud.runner())),
                () -> cloud.runner().finishedProperty().not().or(cloud.runner().runningProperty()), () -> {
                    if (!cloud.runner().finishedProperty().get()) {
                        cloud.runner().run(review.reviewed());
                    }
                });
        WizardPane hostPage = page(header(9, total, Messages.get("production.page.host")), "HostPage.fxml", new HostPageController(model),
                () -> model.hostProblemProperty().isNotEmpty());
        Set<WizardPane> cloudPages = Set.of(instance, eni, settings, rule, eip, reviewPage, run);
        pages.addAll(List.of(start, instance, eni, settings, rule, eip, reviewPage, run, hostPage));
        int n = 10;
        pages.add(step(header(n++, total, Messages.get("production.page.timeWait")), "TimeWaitPage.fxml", new TimeWaitPageController(model.timeWait),
                model.timeWait));
        pages.add(step(header(n++, total, Messages.get("production.page.smc")), "SmcPage.fxml", new SmcPageController(model.smc), model.smc));
        // Channels and IRQs before XPS: on virtio-net a channel change re-spreads XPS and IRQ affinity by itself.
        pages.add(step(header(n++, total, Messages.get("production.page.irq")), "IrqPage.fxml", new IrqPageController(model.irq), model.irq));
        pages.add(step(header(n++, total, Messages.get("production.page.xps")), "XpsPage.fxml", new XpsPageController(model.xps), model.xps));
        pages.add(step(header(n++, total, Messages.get("production.page.networkManager")), "NetworkManagerPage.fxml",
                new NetworkManagerPageController(model.networkManager, model), model.networkManager));
        pages.add(step(header(n++, total, Messages.get("production.page.rss")), "RssPage.fxml",
                new RssPageController(model.rss, model.senderProperty(), model.hosts()), model.rss, () -> {
                    // The preflight reads only: it runs as the page opens, so the user sees the NIC's state before choosing.
                    if (model.rss.preflightProperty().get() == RssStepModel.Preflight.NOT_RUN && model.hostProblemProperty().get().isEmpty()) {
                        model.rss.runPreflight();
                    }
                }));
        pages.add(verifyPage(header(n++, total, Messages.get("production.page.verify"))));
        pages.add(step(header(n++, total, Messages.get("production.page.persistence")), "PersistencePage.fxml",
                new PersistencePageController(model.persistence), model.persistence));
        WizardPane[] finish = new WizardPane[1];
        String done = header(n, total, Messages.get("production.page.done"));
        String notVerified = header(n, total, Messages.get("production.page.doneUnverified"));
        String verifySkipped = header(n, total, Messages.get("production.page.doneVerifySkipped"));
        finish[0] = WizardPages.page(done, WizardPages.load(ProductionWizard.class.getResource("FinishPage.fxml"), new FinishPageController(model)),
                () -> Bindings.createBooleanBinding(() -> false), () -> finish[0].setHeaderText(model.unverified() ? notVerified
                        : model.verificationSkipped() ? verifySkipped : done));
        pages.add(finish[0]);
        wizard.setFlow(new Wizard.Flow() {
            @Override
            public Optional<WizardPane> advance(WizardPane current) {
                int i = current == null ? 0 : pages.indexOf(current) + 1;
                while (i < pages.size() && cloudPages.contains(pages.get(i)) && !model.runCloudProperty().get()) {
                    i++;
                }
                return i < pages.size() ? Optional.of(pages.get(i)) : Optional.empty();
            }

            @Override
            public boolean canAdvance(WizardPane current) {
                return current == null || pages.indexOf(current) < pages.size() - 1;
            }
        });
        wizard.getDialog().setOnHidden(e -> {
            cloud.runner().cancel();
            model.verify.cancel();
        });
        wizard.resultProperty().addListener((o, was, is) -> {
            if (is == javafx.scene.control.ButtonType.FINISH) {
                model.finish();
            }
        });
    }

    private static String header(int n, int total, String what) {
        return Messages.format("production.page.header", n, total, what);
    }

    private static WizardPane eniPage(String header, String fxml, Object controller, Supplier<BooleanExpression> invalid) {
        URL url = SecondaryEniWizard.class.getResource(fxml);
        return WizardPages.page(header, WizardPages.load(url, controller), invalid, () -> { });
    }

    private static WizardPane page(String header, String fxml, Object controller, Supplier<BooleanExpression> invalid) {
        return WizardPages.page(header, WizardPages.load(ProductionWizard.class.getResource(fxml), controller), invalid, () -> { });
    }

    /** A host step page: its own form above the shared Preview / Apply / Undo / Skip panel. */
    private WizardPane step(String header, String fxml, Object controller, HostStepModel step) {
        return step(header, fxml, controller, step, () -> { });
    }

    private WizardPane step(String header, String fxml, Object controller, HostStepModel step, Runnable onEnter) {
        Parent form = WizardPages.load(ProductionWizard.class.getResource(fxml), controller);
        Parent panel = WizardPages.load(ProductionWizard.class.getResource("HostStepPanel.fxml"),
                new HostStepPanelController(step, model.progressLineProperty()));
        VBox box = new VBox(12, form, panel);
        VBox.setVgrow(panel, Priority.ALWAYS);
        return WizardPages.page(header, scrolling(box), step::blocksNextProperty, onEnter);
    }

    /** The verification after the RSS push: its own page (it changes nothing unless a re-push is confirmed). */
    private WizardPane verifyPage(String header) {
        Parent form = WizardPages.load(ProductionWizard.class.getResource("VerifyPage.fxml"),
                new VerifyPageController(model.verify, model.hosts(), model.progressLineProperty()));
        return WizardPages.page(header, scrolling(form), model.verify::blocksNextProperty, () -> { });
    }

    private static javafx.scene.control.ScrollPane scrolling(Parent box) {
        // A page with its preview and read-back grows taller than a 768 px screen: it scrolls instead, the buttons stay.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportWidth(720);
        scroll.setPrefViewportHeight(480);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    public Wizard wizard() {
        return wizard;
    }

    public ProductionWizardModel model() {
        return model;
    }
}
