package dev.nettune.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.nettune.app.AppContext;
import dev.nettune.app.Settings;
import dev.nettune.app.SettingsStore;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.ScreenId;
import dev.nettune.ui.common.Theme;
import dev.nettune.ui.common.ScreenView;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The main window: a navigation rail on the left, the chosen screen in the middle, light or dark. */
public final class MainWindow {
    /** Screens to open first, best first: Welcome (what NetTune does, the workstation, the tours). */
    static final List<ScreenId> START_PREFERENCE = List.of(ScreenId.WELCOME, ScreenId.HOSTS, ScreenId.CALCULATOR);

    private final AppContext context;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<ScreenId, ScreenView> built = new EnumMap<>(ScreenId.class);
    private final ToggleGroup group = new ToggleGroup();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("NetTune");
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    /** Null without a context (a bare window in a test): nothing is remembered then. */
    private final SettingsStore settings;
    private List<ScreenFactory> screens = List.of();
    private ScreenId current;

    /** The window with its start screen built and shown (tests, embedding). */
    public MainWindow(AppContext context) {
        this(context, true);
    }

    /**
     * The rail only, no screen yet: the application shows this first and calls {@link #showStartScreen()}
     * after the first frame, so that loading a screen's FXML never delays the window.
     */
    public static MainWindow railOnly(AppContext context) {
        return new MainWindow(context, false);
    }

    private MainWindow(AppContext context, boolean showStart) {
        this.context = context;
        this.settings = context == null ? null : context.settings();
        root.getStyleClass().add("nettune-main");
        List<ScreenFactory> screens = Screens.all();
        root.setLeft(rail(screens));
        root.setCenter(content);
        content.getStyleClass().add("nettune-content");
        dark.addListener((obs, was, is) -> {
            applyTheme(is);
            remember(st -> st.withDark(is));
        });
        dark.set(settings != null && settings.current().dark());
        applyTheme(dark.get());
        this.screens = screens;
        if (showStart) {
            showStartScreen();
        }
        // A screen (the Welcome page's tours) asks for another screen, then acts on it once shown.
        root.addEventHandler(dev.nettune.ui.common.NavigateEvent.NAVIGATE, e -> {
            show(e.screen());
            ScreenView shown = built.get(e.screen());
            if (shown != null) {
                e.then().accept(shown.root());
            }
        });
        if (context != null && screens.stream().anyMatch(s -> s.id() == ScreenId.TUNING)) {
            // A proposed RSS change (the Monitor's verification fix) opens the Tuning screen, which plans it.
            context.rssProposals().subscribe(p -> javafx.application.Platform.runLater(() -> show(ScreenId.TUNING)));
        }
    }

    /** Shows the screen shown last time, or the preferred one on a first launch. */
    public void showStartScreen() {
        show(startScreen(screens, settings == null ? java.util.Optional.empty() : settings.current().lastScreen()));
    }

    /** The id of the screen shown on start: the one shown last when it still exists, else the preferred one. */
    static ScreenId startScreen(List<ScreenFactory> screens, java.util.Optional<String> last) {
        for (ScreenFactory s : screens) {
            if (last.isPresent() && s.id().id().equals(last.get())) {
                return s.id();
            }
        }
        return startScreen(screens);
    }

    /** The id of the preferred screen to start on (a first launch). */
    static ScreenId startScreen(List<ScreenFactory> screens) {
        for (ScreenId id : START_PREFERENCE) {
            if (screens.stream().anyMatch(s -> s.id() == id)) {
                return id;
            }
        }
        return screens.isEmpty() ? ScreenId.WELCOME : screens.get(0).id();
    }

    public static String stylesheet() {
        var css = MainWindow.class.getResource("/assets/styles/nettune.css");
        return css == null ? "" : css.toExternalForm();
    }

    /** Decoded once: the stage and the rail (built again on a language switch) share them. */
    private static volatile List<Image> icons;

    /** The window's icon, drawn by packaging/icon/DrawIcon.java, largest first. */
    public static List<Image> icons() {
        List<Image> i = icons;
        if (i == null) {
            i = List.of("nettune.png", "nettune-64.png", "nettune-32.png").stream()
                    .map(n -> MainWindow.class.getResource("/assets/icons/" + n))
                    .filter(java.util.Objects::nonNull)
                    .map(u -> new Image(u.toExternalForm()))
                    .toList();
            icons = i;
        }
        return i;
    }

    /** Decoded once: the rail's logo (the 64-pixel icon), or null when the jar has none. */
    private static volatile Image logo;

    private static Image logo() {
        Image l = logo;
        if (l == null) {
            var url = MainWindow.class.getResource("/assets/icons/nettune-64.png");
            l = url == null ? null : new Image(url.toExternalForm());
            logo = l;
        }
        return l;
    }

    private static void applyTheme(boolean dark) {
        Theme.darkProperty().set(dark);
        String primer = dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        var url = PrimerLight.class.getResource(primer);
        Application.setUserAgentStylesheet(dev.nettune.ui.common.Fonts.userAgentStylesheet(url == null ? primer : url.toExternalForm()));
        org.jfree.chart.ChartFactory.setChartTheme(dev.nettune.ui.common.Fonts.chartTheme());
    }

    public BorderPane root() {
        return root;
    }

    /** "NetTune - <screen>", for the stage title. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Dark theme on or off (remembered in the config directory). */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Shows this screen (as the rail does on a click). */
    public void show(ScreenId id) {
        group.getToggles().stream().filter(t -> id == t.getUserData())
                .findFirst().ifPresent(t -> t.setSelected(true));
    }

    /** Closes every screen built so far (their sessions and timers); the application calls it on exit. */
    public void close() {
        for (ScreenView v : built.values()) {
            v.close();
        }
        built.clear();
    }

    /**
     * Shows NetTune in this language now and on the next launches: the rail and every screen are built
     * again in it (a screen's running work is closed as on exit; the screen shown stays shown).
     */
    public void switchLanguage(Locale locale) {
        Messages.use(locale);
        if (context != null) {
            // JavaFX's and ControlsFX's own texts (OK, Cancel, the wizard's Next) follow the default locale.
            Locale.setDefault(Messages.locale());
        }
        remember(st -> st.withLanguage(java.util.Optional.of(locale.getLanguage().equals("zh") ? "zh-CN" : "en")));
        // The root font (a Chinese family where the toolkit has none) and the charts' fonts follow the language.
        applyTheme(dark.get());
        ScreenId shown = current;
        close();
        content.getChildren().clear();
        group.getToggles().clear();
        screens = Screens.all();
        root.setLeft(rail(screens));
        if (shown != null) {
            show(shown);
        }
    }

    private void remember(java.util.function.UnaryOperator<Settings> change) {
        if (settings != null) {
            settings.update(change);
        }
    }

    private Node rail(List<ScreenFactory> screens) {
        VBox rail = new VBox(2);
        rail.getStyleClass().add("nav-rail");
        rail.setPadding(new Insets(10, 8, 8, 8));
        rail.setAlignment(Pos.TOP_CENTER);
        Label brand = new Label("NetTune");
        brand.getStyleClass().add("nav-brand");
        brand.setContentDisplay(ContentDisplay.TOP);
        Image logoImage = logo();
        if (logoImage != null) {
            // The 64-pixel icon for a 36-pixel logo: scaling the large one down cost start-up time for nothing,
            // and it alone is decoded before the first frame (the window's icons come after it).
            ImageView logo = new ImageView(logoImage);
            logo.setFitWidth(36);
            logo.setFitHeight(36);
            logo.setSmooth(true);
            brand.setGraphic(logo);
        }
        rail.getChildren().add(brand);
        for (ScreenFactory s : screens) {
            ToggleButton b = new ToggleButton(s.title());
            Label glyph = new Label(s.glyph());
            glyph.getStyleClass().add("nav-glyph");
            b.setGraphic(glyph);
            b.setContentDisplay(ContentDisplay.TOP);
            b.setId("nav-" + s.id().id());
            b.setUserData(s.id());
            b.setToggleGroup(group);
            b.getStyleClass().addAll("nav-item", "flat");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setTooltip(new Tooltip(s.title()));
            b.selectedProperty().addListener((obs, was, is) -> {
                if (is) {
                    content.getChildren().setAll(built.computeIfAbsent(s.id(), id -> s.create().apply(context)).root());
                    title.set(Messages.format("app.title", s.title()));
                    current = s.id();
                    remember(st -> st.withLastScreen(s.id().id()));
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
        ToggleButton theme = new ToggleButton();
        theme.setId("nav-theme");
        theme.getStyleClass().addAll("nav-item", "flat");
        theme.setContentDisplay(ContentDisplay.TOP);
        theme.setMaxWidth(Double.MAX_VALUE);
        Label themeGlyph = new Label();
        themeGlyph.getStyleClass().add("nav-glyph");
        theme.setGraphic(themeGlyph);
        theme.selectedProperty().bindBidirectional(dark);
        // The button offers the other theme: it says where a click takes you.
        themeGlyph.textProperty().bind(dark.map(d -> d ? "\u2600" : "\u263E"));
        theme.textProperty().bind(dark.map(d -> Messages.get(d ? "nav.theme.light" : "nav.theme.dark")));
        theme.setTooltip(new Tooltip(Messages.get("nav.theme.tooltip")));
        // The button names the other language in that language: a user who cannot read this one still finds it.
        Button language = new Button(Messages.get("nav.language"));
        language.setId("nav-language");
        language.getStyleClass().addAll("nav-item", "flat");
        language.setMaxWidth(Double.MAX_VALUE);
        Label languageGlyph = new Label("\u6587A");
        languageGlyph.getStyleClass().add("nav-glyph");
        // "文" and, in English, the button's "中文": named in a family that has them, where the toolkit's own font does not.
        dev.nettune.ui.common.Fonts.chineseFamily().ifPresent(f -> {
            languageGlyph.setStyle("-fx-font-family: \"" + f + "\";");
            language.setStyle("-fx-font-family: \"" + f + "\";");
        });
        language.setGraphic(languageGlyph);
        language.setContentDisplay(ContentDisplay.TOP);
        language.setTooltip(new Tooltip(Messages.get("nav.language.tooltip")));
        language.setOnAction(e -> switchLanguage(Messages.locale().getLanguage().equals("zh") ? Messages.ENGLISH : Messages.CHINESE));
        rail.getChildren().addAll(spacer, language, theme);
        // Ten screens and the two settings buttons are taller than a 700-pixel window: the rail scrolls
        // there instead of pushing the theme and language buttons out of reach, and fills a taller window's
        // height (fitToHeight) so the theme stays at the bottom. One scroll pane: a second one around it
        // (two fixes of the same bug) cost the first frame its skins and layout for nothing.
        ScrollPane scroll = new ScrollPane(rail);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().addAll("nav-rail-scroll", "edge-to-edge");
        return scroll;
    }
}
