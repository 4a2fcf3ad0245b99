package org.resnetexplorer.app;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Editable whole-number spinners that forgive typing: text that is not a number restores the
 * last value instead of throwing on the FX thread (what the stock converter does), and leaving
 * the field commits what was typed, as teachers expect from a form.
 */
public final class IntSpinners {

    private IntSpinners() {
    }

    public static void setUp(Spinner<Integer> spinner, int min, int max, int initial) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, initial);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    int v = Integer.parseInt(text.trim());
                    return Math.max(min, Math.min(max, v));
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        spinner.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                spinner.increment(0);
            }
        });
    }
}
