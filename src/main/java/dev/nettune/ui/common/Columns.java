package dev.nettune.ui.common;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Table column helpers: read-only columns from a getter, and columns that size themselves to their
 * content, so IDs, MACs and hashes are never cut off ("eni-2ze8…" is useless to copy).
 */
public final class Columns {
    /** Room for the cell's padding and the header's sort arrow, beyond the text itself. */
    static final double PADDING = 28;

    private Columns() {
    }

    /** A column showing {@code value} of each row. */
    public static <S> TableColumn<S, Object> text(String title, double width, Function<S, Object> value) {
        TableColumn<S, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /**
     * Keeps each of {@code columns} at least as wide as its header and its widest cell, now and
     * whenever the table's rows change (the column may still be widened by the user).
     */
    @SafeVarargs
    public static <S> void fitToContent(TableView<S> table, TableColumn<S, ?>... columns) {
        Runnable fit = () -> {
            for (TableColumn<S, ?> c : columns) {
                double w = Math.ceil(contentWidth(table, c) + PADDING);
                c.setMinWidth(w);
                c.setPrefWidth(Math.max(c.getPrefWidth(), w));
            }
        };
        table.getItems().addListener((ListChangeListener<S>) ch -> fit.run());
        table.itemsProperty().addListener((o, was, is) -> {
            is.addListener((ListChangeListener<S>) ch -> fit.run());
            fit.run();
        });
        fit.run();
    }

    /**
     * The width of the header (bold) or the widest cell text, in the font the theme gives the table's
     * header labels once styled (AtlantaFX's 14 px, not JavaFX's 13 px default, which cut "Private IP").
     */
    static <S> double contentWidth(TableView<S> table, TableColumn<S, ?> column) {
        Font font = themeFont(table);
        double w = width(column.getText(), Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
        List<S> rows = table.getItems();
        for (int i = 0; i < rows.size(); i++) {
            Object v = column.getCellData(i);
            if (v != null) {
                w = Math.max(w, width(v.toString(), font));
            }
        }
        return w;
    }

    private static Font themeFont(TableView<?> table) {
        if (table.lookup(".column-header .label") instanceof Labeled l && l.getFont() != null) {
            return l.getFont();
        }
        // Before the first layout: the themes' base size, never smaller than the platform default.
        // The family is the language's (a Chinese one where the toolkit's own has no CJK glyphs), as the headers will be drawn.
        return Font.font(Fonts.forLanguage().orElse(Font.getDefault().getFamily()), Math.max(14, Font.getDefault().getSize()));
    }

    private static double width(String s, Font font) {
        Text t = new Text(s == null ? "" : s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /**
     * For a column of long free text (a plan's detail, an error): a cell that shows as much as fits and
     * carries the whole text as its tooltip, so nothing is lost behind the "...".
     */
    public static <S, T> void fullTextInTooltip(TableColumn<S, T> column) {
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String text = empty || item == null ? null : item.toString();
                setText(text);
                setTooltip(text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
            }
        });
    }
}
