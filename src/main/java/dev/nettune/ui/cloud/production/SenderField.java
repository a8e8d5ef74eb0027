package dev.nettune.ui.cloud.production;

import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;

/** An editable host box bound both ways to a model's sender: a pick and typed text alike reach the model. */
final class SenderField {
    private SenderField() {
    }

    static void bind(ComboBox<String> box, StringProperty value) {
        box.setValue(value.get());
        box.getEditor().setText(value.get());
        box.valueProperty().addListener((o, was, is) -> {
            if (is != null && !is.equals(value.get())) {
                value.set(is.strip());
            }
        });
        box.getEditor().textProperty().addListener((o, was, is) -> {
            if (is != null && !is.strip().equals(value.get())) {
                value.set(is.strip());
            }
        });
        value.addListener((o, was, is) -> {
            if (is != null && !is.equals(box.getEditor().getText())) {
                box.setValue(is);
                box.getEditor().setText(is);
            }
        });
    }
}
