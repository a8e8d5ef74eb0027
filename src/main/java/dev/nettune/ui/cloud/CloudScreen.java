package dev.nettune.ui.cloud;

import dev.nettune.ui.common.View;
import dev.nettune.ui.common.ScreenView;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.app.AppContext;
import dev.nettune.app.CloudConnection;
import dev.nettune.cloud.ResourceWaiter;
import dev.nettune.cloud.aliyun.CredentialLoader;
import java.util.Optional;
import javafx.scene.Parent;

/**
 * The Cloud screen: region context (instances, ENIs, security groups, EIPs) and the wizards. On first
 * start it works on the sandbox region, served in-process by the local OpenAPI server.
 */
public final class CloudScreen implements ScreenView {
    private final Parent root;
    private final CloudViewModel model;

    private CloudScreen(Parent root, CloudViewModel model) {
        this.root = root;
        this.model = model;
    }

    public static CloudScreen load(AppContext context) {
        CloudViewModel model = new CloudViewModel(TaskRunner.application(), () -> {
            CloudConnection c = CloudConnection.open(context, Optional.of(CloudConnection.SANDBOX), Optional.empty(), Optional.empty(),
                    CredentialLoader.fromSystem());
            return new CloudSession(c.api(), c.region(), c.endpoint() + " as " + c.credentials(), context.cloudJournal(), ResourceWaiter.standard(),
                    name -> context.hostResolver().resolve(name, dev.nettune.app.HostOptions.defaults()));
        });
        Parent root = View.CLOUD.load(new CloudController(model));
        return new CloudScreen(root, model);
    }

    @Override
    public Parent root() {
        return root;
    }

    public CloudViewModel model() {
        return model;
    }
}
