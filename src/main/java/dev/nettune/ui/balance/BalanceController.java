package dev.nettune.ui.balance;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.BucketHeatMap;
import dev.nettune.ui.common.ShownText;
import dev.nettune.ui.common.WorkControls;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Binds the Balance screen to its {@link BalanceViewModel}; no work of its own. */
public final class BalanceController {
    /** A queue whose observed share is off its predicted one: the row is tinted (see styles). */
    private static final javafx.css.PseudoClass FLAGGED = javafx.css.PseudoClass.getPseudoClass("flagged");
    private final BalanceViewModel model;

    @FXML private TextField hostField;
    @FXML private TextField nicField;
    @FXML private ComboBox<String> unitBox;
    @FXML private ComboBox<String> modeBox;
    @FXML private Button adviseButton;
    @FXML private Button cancelButton;
    @FXML private Button applyButton;
    @FXML private ProgressBar progress;
    @FXML private Label statusLabel;
    @FXML private Label summaryLabel;
    @FXML private Label warningLabel;
    @FXML private TableView<BalanceViewModel.Row> proposalTable;
    @FXML private TableColumn<BalanceViewModel.Row, String> modeColumn;
    @FXML private TableColumn<BalanceViewModel.Row, String> maxColumn;
    @FXML private TableColumn<BalanceViewModel.Row, String> spreadColumn;
    @FXML private TableColumn<BalanceViewModel.Row, String> actionColumn;
    @FXML private Label comparisonLabel;
    @FXML private TableView<BalanceViewModel.QueueRow> queueTable;
    @FXML private TableColumn<BalanceViewModel.QueueRow, String> queueColumn;
    @FXML private TableColumn<BalanceViewModel.QueueRow, String> todayColumn;
    @FXML private TableColumn<BalanceViewModel.QueueRow, String> observedColumn;
    @FXML private TableColumn<BalanceViewModel.QueueRow, String> differenceColumn;
    @FXML private TableColumn<BalanceViewModel.QueueRow, String> proposedColumn;
    @FXML private BucketHeatMap todayMap;
    @FXML private BucketHeatMap proposedMap;

    BalanceController(BalanceViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        hostField.textProperty().bindBidirectional(model.hostProperty());
        nicField.textProperty().bindBidirectional(model.nicProperty());
        unitBox.getItems().setAll(BalanceViewModel.UNITS);
        unitBox.setConverter(choice("balance.unit."));
        unitBox.valueProperty().bindBidirectional(model.unitProperty());
        modeBox.getItems().setAll(BalanceViewModel.MODES);
        modeBox.setConverter(choice("balance.mode."));
        modeBox.valueProperty().bindBidirectional(model.modeProperty());
        WorkControls.bind(model.work(), adviseButton, cancelButton, progress, statusLabel);
        summaryLabel.textProperty().bind(model.summaryProperty());
        ShownText.bind(warningLabel, model.warningProperty());
        modeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().mode()));
        maxColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().maxOverMean()));
        spreadColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().spread()));
        actionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        proposalTable.setItems(model.rows());
        proposalTable.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                model.selectedProperty().set(is);
            }
        });
        model.selectedProperty().addListener((o, was, is) -> {
            proposalTable.getSelectionModel().select(is);
            applyButton.setDisable(!model.canApply());
        });
        applyButton.setDisable(true);
        model.work().runningProperty().addListener((o, was, is) -> applyButton.setDisable(is || !model.canApply()));
        comparisonLabel.textProperty().bind(model.comparisonProperty());
        queueColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Integer.toString(c.getValue().queue())));
        todayColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().today()));
        observedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().observed()));
        differenceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().difference()));
        proposedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().proposed()));
        queueTable.setItems(model.queueRows());
        queueTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(BalanceViewModel.QueueRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(FLAGGED, !empty && item != null && item.flagged());
            }
        });
        model.todayBucketsProperty().addListener((o, was, is) -> todayMap.show(is));
        model.proposedBucketsProperty().addListener((o, was, is) -> proposedMap.show(is));
    }

    @FXML
    private void onAdvise() {
        model.advise();
    }

    @FXML
    private void onApply() {
        model.apply();
    }

    /** A choice shown in the app's language; the model keeps the CLI's word ("bytes", "weights, key, both"). */
    private static javafx.util.StringConverter<String> choice(String prefix) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(String word) {
                return word == null ? "" : Messages.get(prefix + word.replaceAll("[^a-z]+", "_"));
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        };
    }
}
