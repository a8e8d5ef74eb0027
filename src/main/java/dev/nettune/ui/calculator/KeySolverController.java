package dev.nettune.ui.calculator;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.Columns;
import dev.nettune.ui.common.WorkControls;
import dev.nettune.rss.KeySolver;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;

/** Binds the Key solving panel to its view model. */
public final class KeySolverController {
    private final KeySolverViewModel model;

    @FXML private TextArea goalsArea;
    @FXML private ComboBox<KeySolver.FreeBits> freeBitsBox;
    @FXML private Button runSolveButton;
    @FXML private Button cancelSolveButton;
    @FXML private ProgressBar solveProgress;
    @FXML private Label solveStatus;
    @FXML private TextArea solvedKeyField;
    @FXML private Button useKeyButton;
    @FXML private Label bucketsUsedLabel;
    @FXML private TableView<KeySolver.Placement> placementsTable;
    @FXML private TableView<KeySolver.Conflict> conflictsTable;

    public KeySolverController(KeySolverViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        goalsArea.textProperty().bindBidirectional(model.goalsProperty());
        freeBitsBox.getItems().setAll(KeySolver.FreeBits.values());
        freeBitsBox.setConverter(CalculatorController.converter(b -> switch (b) {
            case RANDOM -> Messages.get("calculator.keySolver.freeBits.random");
            case ZERO -> Messages.get("calculator.keySolver.freeBits.zero");
            case BASE_KEY -> Messages.get("calculator.keySolver.freeBits.baseKey");
        }));
        freeBitsBox.valueProperty().bindBidirectional(model.freeBitsProperty());
        WorkControls.bind(model.work(), runSolveButton, cancelSolveButton, solveProgress, solveStatus);
        solvedKeyField.textProperty().bind(model.solvedKeyTextProperty());
        useKeyButton.disableProperty().bind(model.solvedKeyProperty().isNull());
        bucketsUsedLabel.textProperty().bind(model.bucketsUsedProperty().map(b -> b.isEmpty() ? "" : Messages.format("calculator.solver.bucketsUsed", b)));

        placementsTable.getColumns().setAll(List.of(
                Columns.<KeySolver.Placement>text("#", 40, KeySolver.Placement::goal),
                Columns.<KeySolver.Placement>text(Messages.get("column.flow"), 300, p -> p.flow().toString()),
                Columns.<KeySolver.Placement>text(Messages.get("column.target"), 80, p -> p.target().toString()),
                Columns.<KeySolver.Placement>text(Messages.get("column.hash"), 100, p -> String.format("0x%08x", p.hash())),
                Columns.<KeySolver.Placement>text(Messages.get("column.bucket"), 64, KeySolver.Placement::bucket),
                Columns.<KeySolver.Placement>text(Messages.get("column.queue"), 60, KeySolver.Placement::queue)));
        placementsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        placementsTable.setItems(model.placements());
        Columns.fitToContent(placementsTable, placementsTable.getColumns().get(1));
        placementsTable.setPlaceholder(new Label(dev.nettune.ui.common.Messages.get("calculator.keySolver.placeholder")));
        conflictsTable.getColumns().setAll(List.of(
                Columns.<KeySolver.Conflict>text(Messages.get("column.flows"), 80, c -> c.goals().toString()),
                Columns.<KeySolver.Conflict>text(Messages.get("column.whyNoKeyExists"), 560, c -> c.reason(Messages.locale()))));
        conflictsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        conflictsTable.setItems(model.conflicts());
        conflictsTable.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.conflicts()));
        conflictsTable.managedProperty().bind(conflictsTable.visibleProperty());
        placementsTable.visibleProperty().bind(conflictsTable.visibleProperty().not());
        placementsTable.managedProperty().bind(placementsTable.visibleProperty());
    }

    @FXML
    private void onRun() {
        model.run();
    }

    @FXML
    private void onAddFlow() {
        model.addCurrentFlow();
    }

    @FXML
    private void onUseKey() {
        model.useSolvedKey();
    }
}
