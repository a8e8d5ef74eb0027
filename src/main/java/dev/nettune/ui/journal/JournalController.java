package dev.nettune.ui.journal;

import dev.nettune.ui.common.Messages;
import java.util.function.Function;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Binds the Journal view to its view model. */
public final class JournalController {
    private final JournalViewModel model;

    @FXML private TextField hostField;
    @FXML private ListView<String> unfinishedList;
    @FXML private TableView<JournalViewModel.PlanRow> planTable;
    @FXML private TableView<JournalViewModel.EntryRow> entryTable;
    @FXML private TextArea commandsArea;
    @FXML private Label statusLabel;
    @FXML private Button undoPlanButton;
    @FXML private Button undoEntryButton;
    @FXML private Button finishButton;
    @FXML private Button revertButton;
    @FXML private Button resumeButton;

    public JournalController(JournalViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        hostField.textProperty().bindBidirectional(model.hostFilterProperty());
        unfinishedList.setItems(model.unfinished());
        unfinishedList.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.unfinished()));
        unfinishedList.managedProperty().bind(unfinishedList.visibleProperty());
        planTable.setItems(model.plans());
        // Plan ids, times and cloud plan titles are copied and compared: never cut them.
        dev.nettune.ui.common.Columns.fitToContent(planTable, column(planTable, Messages.get("journal.col.plan"), 190, JournalViewModel.PlanRow::id));
        // The status right after the id: what a user looks for first (UNDONE, APPLIED, FAILED) is never off to the right.
        dev.nettune.ui.common.Columns.fitToContent(planTable, column(planTable, Messages.get("journal.col.status"), 130, JournalViewModel.PlanRow::status));
        column(planTable, Messages.get("journal.col.host"), 90, JournalViewModel.PlanRow::host);
        dev.nettune.ui.common.Columns.fitToContent(planTable, column(planTable, Messages.get("journal.col.started"), 140, JournalViewModel.PlanRow::started));
        dev.nettune.ui.common.Columns.fitToContent(planTable, column(planTable, Messages.get("journal.col.profile"), 170, JournalViewModel.PlanRow::profile));
        column(planTable, Messages.get("journal.col.kind"), 150, JournalViewModel.PlanRow::kind);
        var detail = column(planTable, Messages.get("journal.col.detail"), 420, JournalViewModel.PlanRow::detail);
        // Free text of any length: it elides, with the whole text as a tooltip (LayoutTest allows this column by its id).
        detail.setId("journalDetail");
        dev.nettune.ui.common.Columns.fullTextInTooltip(detail);
        planTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedPlanProperty().set(b);
            }
        });
        model.selectedPlanProperty().addListener((o, a, b) -> {
            if (b != null && planTable.getSelectionModel().getSelectedItem() != b) {
                planTable.getSelectionModel().select(b);
            }
        });
        entryTable.setItems(model.entries());
        // The entry's number, time, phase, change and outcome are read and compared: they fit their content (the table
        // scrolls sideways when a change's title is long). A value can be a 40-byte key or a file: it elides, whole in its tooltip.
        dev.nettune.ui.common.Columns.fitToContent(entryTable, column(entryTable, "#", 44, e -> Long.toString(e.id())),
                column(entryTable, Messages.get("journal.col.time"), 140, JournalViewModel.EntryRow::time),
                column(entryTable, Messages.get("journal.col.phase"), 80, JournalViewModel.EntryRow::phase),
                column(entryTable, Messages.get("journal.col.change"), 200, JournalViewModel.EntryRow::title));
        var before = column(entryTable, Messages.get("journal.col.before"), 160, JournalViewModel.EntryRow::before);
        before.setId("journalBefore");
        var after = column(entryTable, Messages.get("journal.col.after"), 160, JournalViewModel.EntryRow::after);
        after.setId("journalAfter");
        var readBack = column(entryTable, Messages.get("journal.col.readBack"), 160, JournalViewModel.EntryRow::readBack);
        readBack.setId("journalReadBack");
        List.of(before, after, readBack).forEach(dev.nettune.ui.common.Columns::fullTextInTooltip);
        dev.nettune.ui.common.Columns.fitToContent(entryTable, column(entryTable, Messages.get("journal.col.outcome"), 110,
                JournalViewModel.EntryRow::outcome));
        column(entryTable, Messages.get("journal.col.message"), 300, JournalViewModel.EntryRow::message);
        entryTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            model.selectedEntryProperty().set(b);
            commandsArea.setText(b == null ? "" : b.commands());
        });
        statusLabel.textProperty().bind(model.statusProperty());
        undoPlanButton.disableProperty().bind(model.busyProperty().or(model.selectedPlanProperty().isNull()));
        undoEntryButton.disableProperty().bind(model.busyProperty().or(model.selectedEntryProperty().isNull()));
        finishButton.disableProperty().bind(model.busyProperty().or(javafx.beans.binding.Bindings.isEmpty(model.unfinished())));
        revertButton.disableProperty().bind(finishButton.disableProperty());
        resumeButton.disableProperty().bind(model.busyProperty().or(model.resumableProperty().not()));
        model.setConfirm(question -> {
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION, question,
                    javafx.scene.control.ButtonType.CANCEL, javafx.scene.control.ButtonType.OK);
            a.setHeaderText(dev.nettune.ui.common.Messages.get("journal.realAccount.header"));
            a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            dev.nettune.ui.common.DialogButtons.say(a.getDialogPane());
            a.initOwner(planTable.getScene() == null ? null : planTable.getScene().getWindow());
            return a.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).isPresent();
        });
        model.refresh();
    }

    private static <T> TableColumn<T, String> column(TableView<T> table, String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        table.getColumns().add(c);
        return c;
    }

    @FXML
    private void onRefresh() {
        model.refresh();
    }

    @FXML
    private void onUndoPlan() {
        model.undoPlan();
    }

    @FXML
    private void onUndoEntry() {
        model.undoEntry();
    }

    @FXML
    private void onFinish() {
        model.finishPlan();
    }

    @FXML
    private void onResume() {
        model.resumePlan();
    }

    @FXML
    private void onRevert() {
        model.revertPlan();
    }
}
