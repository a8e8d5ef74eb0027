package dev.nettune.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What a newcomer sees before choosing a screen. */
final class WelcomeView {
    Parent root() {
        Label title = new Label("NetTune");
        title.getStyleClass().add("title-1");
        Label text = new Label("Set up and tune Alibaba Cloud ECS networking end to end. "
                + "Everything starts on the built-in sandbox instance and region, so you can try every screen safely.");
        text.setWrapText(true);
        VBox box = new VBox(12, title, text);
        box.setPadding(new Insets(24));
        return box;
    }
}
