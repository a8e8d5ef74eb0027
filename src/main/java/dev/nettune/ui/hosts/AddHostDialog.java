package dev.nettune.ui.hosts;

import dev.nettune.ui.common.Messages;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a host to save by hand: name, address, user, port, jump host, key file. Never a password. */
final class AddHostDialog {
    /** What was typed; validated by the inventory when saved. */
    record Fields(String name, String address, String user, String port, String jump, String key) {
    }

    private final Dialog<Fields> dialog = new Dialog<>();

    AddHostDialog(Window owner) {
        dialog.setTitle(dev.nettune.ui.common.Messages.get("hosts.add.title"));
        dialog.setHeaderText(dev.nettune.ui.common.Messages.get("hosts.add.header"));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        TextField name = field("name", "prod-accepter");
        TextField address = field("address", dev.nettune.ui.common.Messages.get("hosts.add.address.prompt"));
        TextField user = field("user", "root");
        TextField port = field("port", "22");
        TextField jump = field("jump", dev.nettune.ui.common.Messages.get("hosts.add.jump.prompt"));
        TextField key = field("key", "~/.ssh/id_ed25519");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        String[] labels = {Messages.get("hosts.add.label.name"), Messages.get("hosts.add.label.address"), Messages.get("hosts.add.label.user"),
                Messages.get("hosts.add.label.port"), Messages.get("hosts.add.label.jump"), Messages.get("hosts.add.label.key")};
        TextField[] fields = {name, address, user, port, jump, key};
        for (int i = 0; i < labels.length; i++) {
            g.add(new Label(labels[i]), 0, i);
            g.add(fields[i], 1, i);
        }
        dialog.getDialogPane().setContent(g);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dev.nettune.ui.common.DialogButtons.say(dialog.getDialogPane());
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(name.textProperty().isEmpty().or(address.textProperty().isEmpty()));
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? new Fields(name.getText().strip(), address.getText().strip(), user.getText().strip(), port.getText().strip(),
                        jump.getText().strip(), key.getText().strip())
                : null);
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId("add-host-" + id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(24);
        return f;
    }

    Optional<Fields> showAndWait() {
        return dialog.showAndWait();
    }
}
