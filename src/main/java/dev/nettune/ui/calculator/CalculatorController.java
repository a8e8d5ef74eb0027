package dev.nettune.ui.calculator;

import dev.nettune.ui.common.QueuePalette;
import dev.nettune.ui.common.BucketGrid;
import dev.nettune.rss.Protocol;
import dev.nettune.ui.common.ShownText;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/** Binds the Calculator view to its view model; all decisions live in {@link CalculatorViewModel}. */
public final class CalculatorController {
    private final CalculatorViewModel model;
    private final ValidationSupport validation = new ValidationSupport();
    // Held so the bidirectional binding to the spinner is not garbage collected.
    private ObjectProperty<Integer> keyLengthObject;

    @FXML private BorderPane root;
    @FXML private ComboBox<Protocol> protocolBox;
    @FXML private Label sourceFieldLabel;
    @FXML private TextField sourceField;
    @FXML private Label sourceErrorLabel;
    @FXML private Label destinationFieldLabel;
    @FXML private TextField destinationField;
    @FXML private Label destinationErrorLabel;
    @FXML private HBox portsRow;
    @FXML private TextField sourcePortField;
    @FXML private TextField destinationPortField;
    @FXML private Label sourcePortErrorLabel;
    @FXML private Label destinationPortErrorLabel;
    @FXML private TextArea keyField;
    @FXML private Label keyErrorLabel;
    @FXML private Spinner<Integer> keyLengthSpinner;
    @FXML private Button randomKeyButton;
    @FXML private Button symmetricKeyButton;
    @FXML private Label keyNoteLabel;
    @FXML private ComboBox<TableFill> tableModeBox;
    @FXML private VBox equalRow;
    @FXML private TextField equalField;
    @FXML private VBox weightsRow;
    @FXML private TextField weightsField;
    @FXML private VBox startRow;
    @FXML private TextField startField;
    @FXML private TextField ringCountField;
    @FXML private TextField tableSizeField;
    @FXML private Label tableErrorLabel;
    @FXML private TitledPane pastePane;
    @FXML private TextArea pasteArea;
    @FXML private Label pasteErrorLabel;
    @FXML private Label hashHexLabel;
    @FXML private Label hashDecimalLabel;
    @FXML private Label bucketLabel;
    @FXML private Region queueSwatch;
    @FXML private Label queueLabel;
    @FXML private Label explanationLabel;
    @FXML private TabPane tabs;
    @FXML private Label tableSummaryLabel;
    @FXML private Label hoverLabel;
    @FXML private StackPane gridHolder;
    @FXML private FlowPane legend;

    private BucketGrid grid;

    public CalculatorController(CalculatorViewModel model) {
        this.model = model;
    }

    public CalculatorViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        protocolBox.getItems().setAll(Protocol.values());
        protocolBox.setConverter(converter(Protocol::label));
        protocolBox.valueProperty().bindBidirectional(model.protocolProperty());
        tableModeBox.getItems().setAll(TableFill.values());
        tableModeBox.setConverter(converter(TableFill::label));
        tableModeBox.valueProperty().bindBidirectional(model.tableModeProperty());

        sourceField.textProperty().bindBidirectional(model.sourceProperty());
        destinationField.textProperty().bindBidirectional(model.destinationProperty());
        sourcePortField.textProperty().bindBidirectional(model.sourcePortProperty());
        destinationPortField.textProperty().bindBidirectional(model.destinationPortProperty());
        keyField.textProperty().bindBidirectional(model.keyTextProperty());
        equalField.textProperty().bindBidirectional(model.equalQueuesProperty());
        weightsField.textProperty().bindBidirectional(model.weightsProperty());
        startField.textProperty().bindBidirectional(model.startProperty());
        ringCountField.textProperty().bindBidirectional(model.ringCountProperty());
        tableSizeField.textProperty().bindBidirectional(model.tableSizeProperty());

        keyLengthSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(4, 256, model.keyLengthProperty().get()));
        keyLengthObject = model.keyLengthProperty().asObject();
        keyLengthSpinner.getValueFactory().valueProperty().bindBidirectional(keyLengthObject);

        sourceField.disableProperty().bind(model.addressesUsedProperty().not());
        destinationField.disableProperty().bind(model.addressesUsedProperty().not());
        portsRow.disableProperty().bind(model.portsUsedProperty().not());
        showWhen(equalRow, () -> model.tableModeProperty().get() == TableFill.EQUAL);
        showWhen(weightsRow, () -> model.tableModeProperty().get() == TableFill.WEIGHT);
        showWhen(startRow, () -> model.tableModeProperty().get() == TableFill.EQUAL
                || model.tableModeProperty().get() == TableFill.WEIGHT);

        markErrors(sourceField, sourceErrorLabel, model.sourceErrorProperty());
        markErrors(destinationField, destinationErrorLabel, model.destinationErrorProperty());
        markErrors(sourcePortField, sourcePortErrorLabel, model.sourcePortErrorProperty());
        markErrors(destinationPortField, destinationPortErrorLabel, model.destinationPortErrorProperty());
        markErrors(keyField, keyErrorLabel, model.keyErrorProperty());
        ShownText.bind(tableErrorLabel, model.tableErrorProperty());
        // The table's error is marked on the field the chosen mode reads, or on the mode itself.
        markTableError(equalField, TableFill.EQUAL);
        markTableError(weightsField, TableFill.WEIGHT);
        markTableError(tableModeBox, TableFill.DEFAULT, TableFill.PASTED);
        // Showing another mode's fields moves the ones below; decorations follow after that layout.
        model.tableModeProperty().addListener((o, was, is) -> javafx.application.Platform.runLater(validation::redecorate));
        ShownText.bind(pasteErrorLabel, model.pasteErrorProperty());
        ShownText.bind(keyNoteLabel, model.keyNoteProperty());

        hashHexLabel.textProperty().bind(model.hashHexProperty());
        hashDecimalLabel.textProperty().bind(model.hashDecimalProperty());
        bucketLabel.textProperty().bind(model.bucketTextProperty());
        queueLabel.textProperty().bind(model.queueTextProperty());
        explanationLabel.textProperty().bind(model.explanationProperty());
        tableSummaryLabel.textProperty().bind(model.tableSummaryProperty());
        hoverLabel.textProperty().bind(model.hoverTextProperty());

        grid = new BucketGrid(model.hoveredBucketProperty());
        gridHolder.getChildren().setAll(grid);
        model.tableProperty().addListener((o, was, is) -> redraw());
        model.bucketProperty().addListener((o, was, is) -> redraw());
        // The queue is set after the bucket: the swatch must follow the queue itself, or it shows the previous one's colour.
        model.queueProperty().addListener((o, was, is) -> redraw());
        model.queueCounts().addListener((ListChangeListener<QueueBuckets>) c -> redrawLegend());
        redraw();
        redrawLegend();
    }

    private void redraw() {
        grid.show(model.tableProperty().get(), model.bucketProperty().get());
        int q = model.queueProperty().get();
        queueSwatch.setStyle(q < 0 ? "" : "-fx-background-color: " + QueuePalette.colour(q) + ";");
        queueSwatch.setVisible(q >= 0);
        queueSwatch.setManaged(q >= 0);
    }

    private void redrawLegend() {
        List<Node> chips = model.queueCounts().stream().map(CalculatorController::chip).toList();
        legend.getChildren().setAll(chips);
    }

    private static Node chip(QueueBuckets c) {
        Region swatch = new Region();
        swatch.getStyleClass().add("legend-swatch");
        swatch.setStyle("-fx-background-color: " + QueuePalette.colour(c.queue()) + ";");
        Label text = new Label("q" + c.queue() + "  " + c.buckets());
        text.getStyleClass().add("legend-text");
        HBox chip = new HBox(5, swatch, text);
        chip.setId("legend-q" + c.queue());
        chip.getStyleClass().add("legend-chip");
        chip.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (c.buckets() == 0) {
            chip.getStyleClass().add("legend-unused");
        }
        return chip;
    }

    private void markErrors(Control field, Label label, ReadOnlyStringProperty error) {
        ShownText.bind(label, error);
        Validator<Object> v = (control, value) -> ValidationResult.fromErrorIf(control, error.get(), !error.get().isEmpty());
        validation.registerValidator(field, false, v);
        // The model decides validity (it may change because another field changed): re-check on its word.
        error.addListener((o, was, is) -> validation.revalidate(field));
    }

    private void markTableError(Control field, TableFill... modes) {
        java.util.Set<TableFill> when = java.util.EnumSet.copyOf(java.util.List.of(modes));
        Validator<Object> v = (control, value) -> {
            String error = model.tableErrorProperty().get();
            return ValidationResult.fromErrorIf(control, error, !error.isEmpty() && when.contains(model.tableModeProperty().get()));
        };
        validation.registerValidator(field, false, v);
        model.tableErrorProperty().addListener((o, was, is) -> validation.revalidate(field));
        model.tableModeProperty().addListener((o, was, is) -> validation.revalidate(field));
    }

    private void showWhen(Node node, Supplier<Boolean> condition) {
        Runnable update = () -> {
            boolean show = condition.get();
            node.setVisible(show);
            node.setManaged(show);
        };
        model.tableModeProperty().addListener((o, was, is) -> update.run());
        update.run();
    }

    static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    @FXML
    private void onRandomKey() {
        model.randomKey();
    }

    @FXML
    private void onSymmetricKey() {
        model.symmetricKey();
    }

    @FXML
    private void onApplyPaste() {
        if (model.applyEthtoolOutput(pasteArea.getText())) {
            pastePane.setExpanded(false);
        }
    }
}
