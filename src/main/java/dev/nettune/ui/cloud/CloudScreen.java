package dev.nettune.ui.cloud;

import dev.nettune.app.AppContext;
import dev.nettune.ui.common.ScreenView;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.common.View;
import dev.nettune.app.CloudAccounts;
import dev.nettune.app.CloudConnection;
import dev.nettune.app.HostOptions;
import dev.nettune.cloud.CloudRegion;
import dev.nettune.cloud.ResourceWaiter;
import java.util.List;
import java.util.Optional;
import javafx.scene.Parent;

/**
 * The Cloud screen: the account (sandbox, aliyun CLI profile, environment, ECS RAM role), region and
 * endpoint, the region's instances, ENIs, security groups and EIPs, and the wizards. On first start it
 * works on the sandbox region, served in-process by the local OpenAPI server; later on the account the
 * user last connected with.
 */
public final class CloudScreen implements ScreenView {
    private final Parent root;
    private final CloudViewModel model;

    private CloudScreen(Parent root, CloudViewModel model) {
        this.root = root;
        this.model = model;
    }

    /** The screen on the accounts this process sees ($HOME/.aliyun, the environment). */
    public static CloudScreen load(AppContext context) {
        return load(context, CloudAccounts.fromSystem(context), ResourceWaiter.standard());
    }

    /** The screen on given accounts (an isolated home in tests) with a given patience for asynchronous states. */
    public static CloudScreen load(AppContext context, CloudAccounts accounts, ResourceWaiter waiter) {
        CloudViewModel model = new CloudViewModel(TaskRunner.application(), connector(context, accounts, waiter));
        Parent root = View.CLOUD.load(new CloudController(model, () -> hostWork(context), context.setupProgress()));
        return new CloudScreen(root, model);
    }

    /** The host part of the production setup: the Hosts screen's hosts, the Tuning screen's engine; lists saved hosts, so off the FX thread. */
    static dev.nettune.ui.cloud.production.HostWork hostWork(AppContext context) {
        return new dev.nettune.ui.cloud.production.HostWork(context.hostDirectory().names(),
                name -> context.hostResolver().resolve(name, HostOptions.defaults()), context.tuningEngine(), context.nicRss(),
                new dev.nettune.app.VerificationService(context), "sandbox"::equals,
                TaskRunner.application().workers(), TaskRunner.application().ui()::execute);
    }

    static CloudViewModel.Connector connector(AppContext context, CloudAccounts accounts, ResourceWaiter waiter) {
        return new CloudViewModel.Connector() {
            @Override
            public List<CloudAccounts.Account> accounts() {
                return accounts.accounts();
            }

            @Override
            public Optional<CloudAccounts.Choice> remembered() {
                return accounts.remembered();
            }

            @Override
            public void remember(CloudAccounts.Choice choice) {
                accounts.remember(choice);
            }

            @Override
            public CloudViewModel.Connected connect(CloudAccounts.Account account, Optional<String> region, Optional<String> endpoint) {
                CloudConnection c = accounts.connect(account, region, endpoint);
                List<CloudRegion> regions = accounts.regions(c);
                CloudSession s = new CloudSession(c.api(), c.region(), dev.nettune.ui.common.Messages.format("cloud.session.description", c.endpoint(), dev.nettune.ui.common.Messages.say(c.credentialsPhrase())), context.cloudJournal(), waiter,
                        name -> context.hostResolver().resolve(name, HostOptions.defaults()), c.sandbox());
                return new CloudViewModel.Connected(s, regions);
            }
        };
    }

    @Override
    public Parent root() {
        return root;
    }

    public CloudViewModel model() {
        return model;
    }
}
