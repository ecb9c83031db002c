package org.yinling.rate;

import java.math.BigDecimal;
import java.util.List;

/**
 * The definition of a rate table: its stored code, its amounts' keys, and the settings a version may carry
 * ({@code choices}, e.g. the ownerships that receive the operating subsidy). Every key and choice is shown by its
 * message key ({@code keyMessagePrefix + key}, {@code choiceMessagePrefix + choice}), never by its code.
 *
 * @param code                stored in {@code rate_version.rate_table}
 * @param titleKey            the message key of the table's heading
 * @param helpKey             the message key of the table's explanation
 * @param keys                the amounts of a version, in the order shown
 * @param choices             the settings a version may choose from (none for most tables)
 * @param defaultChoices      the settings a new version's form starts with when no version is in force
 * @param max                 the largest amount accepted
 */
public record RateTable(String code, String titleKey, String helpKey, List<String> keys, String keyMessagePrefix,
                        List<String> choices, String choiceMessagePrefix, List<String> defaultChoices, BigDecimal max) {

    public RateTable {
        if (!code.matches("[A-Z_]{1,24}") || keys.isEmpty()) {
            throw new IllegalArgumentException("A rate table has a code of capitals and at least one key: " + code);
        }
        keys = List.copyOf(keys);
        choices = List.copyOf(choices);
        defaultChoices = List.copyOf(defaultChoices);
    }

    public String keyMessageKey(String key) {
        return keyMessagePrefix + key;
    }

    public String choiceMessageKey(String choice) {
        return choiceMessagePrefix + choice;
    }

    /** Whether a version of this table carries settings. */
    public boolean hasChoices() {
        return !choices.isEmpty();
    }
}
