package dev.nettune.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.nettune.app.AppContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The main window: a navigation rail on the left, the chosen screen in the middle, light or dark. */
public final class MainWindow {
    private final AppContext context;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<String, Node> built = new HashMap<>();
    private final ToggleGroup group = new ToggleGroup();

    public MainWindow(AppContext context) {
        this.context = context;
        root.getStyleClass().add("nettune-main");
        root.setLeft(rail(Screens.all()));
        root.setCenter(content);
        content.getStyleClass().add("nettune-content");
        if (!group.getToggles().isEmpty()) {
            group.getToggles().get(0).setSelected(true);
        }
    }

    public static String stylesheet() {
        var css = MainWindow.class.getResource("/assets/styles/nettune.css");
        return css == null ? "" : css.toExternalForm();
    }

    public BorderPane root() {
        return root;
    }

    /** Shows the screen with this id (as the rail does on a click). */
    public void show(String id) {
        group.getToggles().stream().filter(t -> id.equals(((ToggleButton) t).getUserData()))
                .findFirst().ifPresent(t -> t.setSelected(true));
    }

    private Node rail(List<ScreenFactory> screens) {
        VBox rail = new VBox(4);
        rail.getStyleClass().add("nav-rail");
        rail.setPadding(new Insets(12, 8, 12, 8));
        rail.setAlignment(Pos.TOP_CENTER);
        Label brand = new Label("NetTune");
        brand.getStyleClass().add("nav-brand");
        rail.getChildren().add(brand);
        for (ScreenFactory s : screens) {
            ToggleButton b = new ToggleButton(s.glyph() + "\n" + s.title());
            b.setId("nav-" + s.id());
            b.setUserData(s.id());
            b.setToggleGroup(group);
            b.getStyleClass().add("nav-item");
            b.setMaxWidth(Double.MAX_VALUE);
            b.selectedProperty().addListener((obs, was, is) -> {
                if (is) {
                    content.getChildren().setAll(built.computeIfAbsent(s.id(), id -> s.create().apply(context)));
                }
            });
            rail.getChildren().add(b);
        }
        // A selected button clicked again must stay selected: the rail always shows one screen.
        group.selectedToggleProperty().addListener((obs, was, is) -> {
            if (is == null && was != null) {
                was.setSelected(true);
            }
        });
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        ToggleButton dark = new ToggleButton("\u25D0\nDark");
        dark.setId("nav-theme");
        dark.getStyleClass().add("nav-item");
        dark.setMaxWidth(Double.MAX_VALUE);
        dark.selectedProperty().addListener((obs, was, is) -> Application.setUserAgentStylesheet(
                is ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet()));
        rail.getChildren().addAll(spacer, dark);
        return rail;
    }
}
