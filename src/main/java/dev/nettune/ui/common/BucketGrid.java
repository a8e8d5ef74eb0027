package dev.nettune.ui.common;

import dev.nettune.rss.IndirectionTable;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * The indirection table drawn as a grid (shared by the Calculator and Hosts screens), 16 buckets a row (128 buckets = 16 x 8), each cell
 * coloured by its queue; the flow's bucket is outlined and hovering sets the hovered bucket.
 */
public final class BucketGrid extends GridPane {
    /** Buckets per row. */
    public static final int COLUMNS = 16;
    /** How wide a cell grows in a large window (beyond that the grid stops growing and stays readable). */
    static final double MAX_CELL_WIDTH = 88;

    private final IntegerProperty hovered;
    private final List<Label> cells = new ArrayList<>();
    private int highlighted = -1;

    public BucketGrid(IntegerProperty hovered) {
        this.hovered = hovered;
        getStyleClass().add("bucket-grid");
        setHgap(3);
        setVgap(3);
        // Wider cells get taller too (up to 48 px), set as preferred height so the grid's own height follows.
        widthProperty().addListener((o, was, is) -> fitCellHeight());
    }

    private void fitCellHeight() {
        double cellWidth = (getWidth() - 40) / COLUMNS;
        double h = Math.max(28, Math.min(48, Math.floor(cellWidth * 0.6)));
        for (Label cell : cells) {
            if (cell.getPrefHeight() != h) {
                cell.setPrefHeight(h);
            }
        }
    }

    /** Redraws for this table (null: the table is invalid, show an empty, greyed grid). */
    public void show(IndirectionTable table, int flowBucket) {
        int size = table == null ? (cells.isEmpty() ? IndirectionTable.ENI_SIZE : cells.size()) : table.size();
        if (size != cells.size()) {
            build(size);
        }
        for (int i = 0; i < cells.size(); i++) {
            Label cell = cells.get(i);
            if (table == null) {
                cell.setText("");
                cell.setStyle("");
                cell.getStyleClass().add("bucket-empty");
            } else {
                int q = table.entry(i);
                cell.getStyleClass().remove("bucket-empty");
                cell.setText(String.valueOf(q));
                cell.setStyle("-fx-background-color: " + QueuePalette.colour(q) + "; -fx-text-fill: "
                        + QueuePalette.textColour(q) + ";");
                cell.getTooltip().setText(Messages.format("common.bucketTooltip", i, q));
            }
        }
        highlight(table == null ? -1 : flowBucket);
    }

    private void highlight(int bucket) {
        if (highlighted >= 0 && highlighted < cells.size()) {
            cells.get(highlighted).getStyleClass().remove("selected-bucket");
        }
        highlighted = bucket;
        if (bucket >= 0 && bucket < cells.size()) {
            cells.get(bucket).getStyleClass().add("selected-bucket");
        }
    }

    private void build(int size) {
        getChildren().clear();
        getColumnConstraints().clear();
        cells.clear();
        highlighted = -1;
        // The axis column keeps its size; the 16 bucket columns share the width, so a larger window gets larger cells.
        getColumnConstraints().add(new ColumnConstraints());
        for (int c = 0; c < COLUMNS; c++) {
            ColumnConstraints cc = new ColumnConstraints(34, 40, MAX_CELL_WIDTH);
            cc.setHgrow(Priority.ALWAYS);
            cc.setFillWidth(true);
            getColumnConstraints().add(cc);
        }
        for (int c = 0; c < COLUMNS; c++) {
            Label h = new Label(String.valueOf(c));
            h.getStyleClass().add("bucket-axis");
            GridPane.setHalignment(h, HPos.CENTER);
            add(h, c + 1, 0);
        }
        int rows = (size + COLUMNS - 1) / COLUMNS;
        for (int r = 0; r < rows; r++) {
            Label h = new Label(String.valueOf(r * COLUMNS));
            h.getStyleClass().add("bucket-axis");
            GridPane.setHalignment(h, HPos.RIGHT);
            add(h, 0, r + 1);
        }
        for (int i = 0; i < size; i++) {
            Label cell = new Label();
            cell.setId("bucket-" + i);
            cell.getStyleClass().add("bucket-cell");
            cell.setAlignment(Pos.CENTER);
            cell.setMinSize(34, 26);
            cell.setPrefSize(40, 28);
            cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            Tooltip tip = new Tooltip();
            tip.setShowDelay(Duration.millis(150));
            cell.setTooltip(tip);
            final int bucket = i;
            cell.setOnMouseEntered(e -> hovered.set(bucket));
            cell.setOnMouseExited(e -> {
                if (hovered.get() == bucket) {
                    hovered.set(-1);
                }
            });
            cells.add(cell);
            add(cell, i % COLUMNS + 1, i / COLUMNS + 1);
        }
        fitCellHeight();
    }

    /** The cell of a bucket, for the legend and tests. */
    public Label cell(int bucket) {
        return cells.get(bucket);
    }
}
