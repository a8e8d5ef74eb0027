package dev.nettune.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Flows per bucket as a heat map, 16 buckets a row like {@link BucketGrid}: pale for few flows, deep
 * blue for the most, each cell's count in its tooltip, and a colour scale below (0 to the maximum).
 */
public final class BucketHeatMap extends VBox {
    private final GridPane grid = new GridPane();
    private final Label scaleLow = new Label("0");
    private final Label scaleHigh = new Label("");
    private final List<Label> cells = new ArrayList<>();

    public BucketHeatMap() {
        getStyleClass().add("bucket-heat-map");
        setSpacing(6);
        // The map takes the room it is given, never more: the distribution table beside it keeps its headers whole.
        setPrefWidth(320);
        setMinWidth(200);
        grid.setHgap(2);
        grid.setVgap(2);
        VBox.setVgrow(grid, Priority.ALWAYS);
        Region ramp = new Region();
        ramp.setPrefSize(160, 12);
        ramp.setMinWidth(40);
        HBox.setHgrow(ramp, Priority.SOMETIMES);
        ramp.setMaxHeight(12);
        ramp.setStyle("-fx-background-color: linear-gradient(to right, " + colour(0) + ", " + colour(1) + ");");
        Label what = new Label(Messages.get("common.flows"));
        what.getStyleClass().add("text-muted");
        for (Label l : List.of(what, scaleLow, scaleHigh)) {
            // The numbers of the scale are never elided; the colour ramp gives way instead.
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox scale = new HBox(6, what, scaleLow, ramp, scaleHigh);
        scale.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(grid, scale);
    }

    /** Shows these counts (one per bucket); an empty array shows an empty map. */
    public void show(long[] flowsPerBucket) {
        if (flowsPerBucket.length != cells.size()) {
            build(flowsPerBucket.length);
        }
        long max = 0;
        for (long f : flowsPerBucket) {
            max = Math.max(max, f);
        }
        for (int b = 0; b < flowsPerBucket.length; b++) {
            double t = max == 0 ? 0 : flowsPerBucket[b] / (double) max;
            Label cell = cells.get(b);
            cell.setStyle("-fx-background-color: " + colour(t) + "; -fx-text-fill: " + (t > 0.55 ? "white" : "#1b1f24")
                    + "; -fx-font-size: 10px; -fx-padding: 0;");
            cell.setText(compact(flowsPerBucket[b]));
            cell.getTooltip().setText(String.format(Locale.ROOT, "bucket %d: %,d flows", b, flowsPerBucket[b]));
        }
        scaleHigh.setText(String.format(Locale.ROOT, "%,d", max));
    }

    private void build(int size) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        cells.clear();
        for (int c = 0; c < BucketGrid.COLUMNS; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(Priority.ALWAYS);
            cc.setHalignment(HPos.CENTER);
            cc.setPercentWidth(100.0 / BucketGrid.COLUMNS);
            grid.getColumnConstraints().add(cc);
        }
        for (int b = 0; b < size; b++) {
            Label cell = new Label();
            cell.setId("heat-bucket-" + b);
            cell.getStyleClass().add("heat-cell");
            cell.setAlignment(Pos.CENTER);
            cell.setMinSize(0, 20);
            cell.setPrefWidth(18);
            cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            cell.setTooltip(new Tooltip());
            GridPane.setVgrow(cell, Priority.ALWAYS);
            cells.add(cell);
            grid.add(cell, b % BucketGrid.COLUMNS, b / BucketGrid.COLUMNS);
        }
    }

    /** The tooltip text of a bucket's cell (for tests and the accessible text). */
    public String cellText(int bucket) {
        return cells.get(bucket).getTooltip().getText();
    }

    static String compact(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.0fk", n / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }

    /** From pale (no flows) to deep blue (the busiest bucket). */
    static String colour(double t) {
        int r = (int) Math.round(0xf2 + (0x1f - 0xf2) * t);
        int g = (int) Math.round(0xf5 + (0x4e - 0xf5) * t);
        int b = (int) Math.round(0xfa + (0x9a - 0xfa) * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
