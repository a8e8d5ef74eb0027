package dev.nettune.ui.common;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;

/** Shows a list of sentences (run log lines, plan notes) wrapped to the list's width instead of cut to one line. */
public final class WrappedLines {
    private WrappedLines() {
    }

    /**
     * Gives {@code list} cells that wrap their line. A Text wraps at the width it is given, where a wrapped cell label is
     * sized to one line by the list and cut to "...": a step naming IDs and a whole aliyun command, or a note saying why a
     * step is skipped, is then read without scrolling sideways.
     */
    public static void in(ListView<String> list) {
        list.setCellFactory(v -> new ListCell<>() {
            private final Text line = new Text();

            {
                line.wrappingWidthProperty().bind(v.widthProperty().subtract(40));
                line.fillProperty().bind(textFillProperty());
                line.fontProperty().bind(fontProperty());
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                line.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : line);
            }
        });
    }
}
