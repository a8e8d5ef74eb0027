package dev.nettune.ui.tuning;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.BucketGrid;
import dev.nettune.rss.RssKey;
import dev.nettune.tuning.Profile;
import dev.nettune.ui.common.WrappedLines;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/** Binds the Tuning view to its view model; every decision lives in {@link TuningViewModel}. */
public final class TuningController {
    private final TuningViewModel model;

    @FXML private BorderPane root;
    @FXML private javafx.scene.control.TabPane tabs;
    @FXML private ComboBox<String> hostBox;
    @FXML private ComboBox<Profile> profileBox;
    @FXML private Button planButton;
    @FXML private Button applyButton;
    @FXML private Button cancelButton;
    @FXML private Button undoButton;
    @FXML private ListView<String> logList;
    @FXML private Spinner<Integer> confirmSpinner;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private Label countdownLabel;
    @FXML private TableView<TuningViewModel.PlanRow> planTable;
    @FXML private TableColumn<TuningViewModel.PlanRow, String> seqColumn;
    @FXML private TableColumn<TuningViewModel.PlanRow, String> titleColumn;
    @FXML private TableColumn<TuningViewModel.PlanRow, String> beforeColumn;
    @FXML private TableColumn<TuningViewModel.PlanRow, String> afterColumn;
    @FXML private TableColumn<TuningViewModel.PlanRow, String> confirmColumn;
    @FXML private TableColumn<TuningViewModel.PlanRow, String> stateColumn;
    @FXML private TableColumn<TuningViewModel.PlanRow, String> readBackColumn;
    @FXML private ListView<String> notesList;
    @FXML private TextArea previewArea;
    @FXML private TextField rssNicField;
    @FXML private TextArea rssKeyField;
    @FXML private TextField rssTableField;
    @FXML private Spinner<Integer> ringsSpinner;
    @FXML private Label rssErrorLabel;
    @FXML private StackPane gridHolder;
    @FXML private TextField xpsField;
    @FXML private Label xpsNoteLabel;
    @FXML private Label xpsErrorLabel;

    public TuningController(TuningViewModel model) {
        this.model = model;
    }

    public TuningViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        hostBox.setItems(model.hosts());
        hostBox.valueProperty().bindBidirectional(model.hostProperty());
        profileBox.setItems(model.profiles());
        profileBox.valueProperty().bindBidirectional(model.profileProperty());
        profileBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Profile p) {
                return dev.nettune.ui.common.ProfileNames.shown(p);
            }

            @Override
            public Profile fromString(String s) {
                return model.profiles().stream().filter(p -> dev.nettune.ui.common.ProfileNames.shown(p).equals(s)).findFirst().orElse(null);
            }
        });
        confirmSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(10, 3600, 60, 10));
        confirmSpinner.valueProperty().addListener((o, a, b) -> model.confirmTimeoutProperty().set(b));
        planButton.disableProperty().bind(model.busyProperty().or(model.loadingProperty()));
        applyButton.disableProperty().bind(model.busyProperty().or(model.canApplyProperty().not()));
        cancelButton.disableProperty().bind(model.busyProperty().not());
        undoButton.disableProperty().bind(model.busyProperty().or(model.canUndoProperty().not()));
        undoButton.setTooltip(new javafx.scene.control.Tooltip(Messages.get("tuning.undo.tooltip")));
        logList.setItems(model.log());
        model.log().addListener((ListChangeListener<String>) c -> logList.scrollTo(model.log().size() - 1));
        progressBar.progressProperty().bind(model.progressProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        countdownLabel.textProperty().bind(model.countdownProperty());
        planTable.setItems(model.rows());
        seqColumn.setCellValueFactory(c -> new SimpleStringProperty(Integer.toString(c.getValue().seq())));
        titleColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().title()));
        // A long file title wraps onto a second line instead of ending in "...": the row must be checkable before Apply.
        titleColumn.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            {
                setWrapText(true);
                setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        beforeColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().before()));
        afterColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().after()));
        confirmColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().commitConfirmed() ? Messages.get("tuning.confirmColumn.yes") : ""));
        stateColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().status()));
        readBackColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().readBack()));
        // Value columns as wide as their header and widest cell; the setting column takes the rest and wraps.
        dev.nettune.ui.common.Columns.fitToContent(planTable, beforeColumn, afterColumn, confirmColumn, stateColumn,
                readBackColumn);
        titleColumn.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(240, planTable.getWidth() - 24 - java.util.stream.Stream.of(seqColumn, beforeColumn, afterColumn,
                        confirmColumn, stateColumn, readBackColumn).mapToDouble(TableColumn::getWidth).sum()),
                planTable.widthProperty(), seqColumn.widthProperty(), beforeColumn.widthProperty(), afterColumn.widthProperty(),
                confirmColumn.widthProperty(), stateColumn.widthProperty(), readBackColumn.widthProperty()));
        notesList.setItems(model.notes());
        // A plan without a step (the host has every value, or skipped them all) is still a plan: the empty table says what
        // the status says, not "No plan yet: pick a host and a profile, then Plan" to a user who just did.
        if (planTable.getPlaceholder() instanceof javafx.scene.control.Label empty) {
            String noPlan = empty.getText();
            empty.setWrapText(true);
            empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            empty.setPadding(new javafx.geometry.Insets(0, 48, 0, 48));
            empty.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.previewProperty().get().isEmpty()
                    ? noPlan : model.statusProperty().get(), model.previewProperty(), model.statusProperty()));
        }
        WrappedLines.in(notesList);
        repaintTabsOnceShown();
        // Each visit re-reads the profiles: one just saved on the Profiles screen is offered here.
        root.sceneProperty().addListener((o, was, is) -> {
            if (is != null) {
                model.refreshProfiles();
            }
        });
        previewArea.textProperty().bind(model.previewProperty());

        NicEditorModel editor = model.nicEditor();
        rssNicField.textProperty().bindBidirectional(editor.nicProperty());
        rssKeyField.textProperty().bindBidirectional(editor.rssKeyProperty());
        rssTableField.textProperty().bindBidirectional(editor.rssTableProperty());
        ringsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 64, editor.rssRingsProperty().get()));
        ringsSpinner.valueProperty().addListener((o, a, b) -> editor.rssRingsProperty().set(b));
        rssErrorLabel.textProperty().bind(editor.rssErrorProperty());
        xpsField.textProperty().bindBidirectional(editor.xpsCpusProperty());
        xpsNoteLabel.setText(NicEditorModel.xpsNote());
        xpsErrorLabel.textProperty().bind(editor.xpsErrorProperty());
        BucketGrid grid = new BucketGrid(new SimpleIntegerProperty(-1));
        gridHolder.getChildren().add(grid);
        grid.show(editor.rssPreviewProperty().get(), -1);
        editor.rssPreviewProperty().addListener((o, a, b) -> grid.show(b, -1));
    }

    @FXML
    private void onPlan() {
        if (!model.needsUnrestrictedConfirmation()) {
            model.makePlan();
        } else if (confirmed(dev.nettune.ui.common.Messages.get("tuning.confirm.unrestricted.title"), model.unrestrictedQuestion(),
                dev.nettune.ui.common.Messages.get("tuning.confirm.unrestricted.action"))) {
            model.makePlan(true);
        } else {
            model.makePlan(false);
        }
    }

    /**
     * Works around a JavaFX repaint fault seen under a real window (GTK): the content of the tab selected
     * when the screen was built is left out of the dirty-region repaint, so the first plan's rows stayed
     * invisible behind the "No plan yet" placeholder until the user switched tabs (the scene graph held
     * them all along; -Dprism.dirtyopts=false showed them too). Switching tabs once, two frames apart,
     * right after the screen first appears resets it; the user sees at most one frame of the other tab.
     */
    private void repaintTabsOnceShown() {
        root.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                                javafx.scene.Scene was, javafx.scene.Scene is) {
                if (is == null) {
                    return;
                }
                root.sceneProperty().removeListener(this);
                new javafx.animation.AnimationTimer() {
                    private int frame;

                    @Override
                    public void handle(long now) {
                        int selected = tabs.getSelectionModel().getSelectedIndex();
                        if (frame == 0) {
                            tabs.getSelectionModel().select(selected == 0 ? 1 : 0);
                            tabs.setUserData(selected);
                        } else {
                            tabs.getSelectionModel().select((int) tabs.getUserData());
                            stop();
                        }
                        frame++;
                    }
                }.start();
            }
        });
    }

    @FXML
    private void onApply() {
        if (!model.needsConfirmation() || confirmed(Messages.format("tuning.confirm.applyTitle", model.hostProperty().get()), model.applyQuestion(),
                Messages.get("tuning.confirm.applyAction"))) {
            model.apply();
        }
    }

    @FXML
    private void onUndo() {
        if (!model.needsConfirmation() || confirmed(Messages.format("tuning.confirm.undoTitle", model.hostProperty().get()), model.undoQuestion(),
                Messages.get("tuning.confirm.undoAction"))) {
            model.undo();
        }
    }

    /** Asks before a real host is changed; only the sandbox is changed without asking. */
    private boolean confirmed(String title, String question, String action) {
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, go, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(root.getScene().getWindow());
        alert.getDialogPane().setId("tuningConfirm");
        dev.nettune.ui.common.DialogButtons.say(alert.getDialogPane());
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.setResizable(true);
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    @FXML
    private void onCancel() {
        model.cancel();
    }

    @FXML
    private void onPlanRss() {
        model.planRss();
        tabs.getSelectionModel().select(0);
    }

    @FXML
    private void onPlanXps() {
        model.planXps();
        tabs.getSelectionModel().select(0);
    }

    @FXML
    private void onSpreadXps() {
        model.planXpsSpread();
        tabs.getSelectionModel().select(0);
    }

    @FXML
    private void onRandomKey() {
        model.nicEditor().rssKeyProperty().set(RssKey.random(RssKey.ENI_LENGTH).toColonHex());
    }
}
