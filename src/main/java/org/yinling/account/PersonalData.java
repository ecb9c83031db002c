package org.yinling.account;

/**
 * How personal numbers look to a user who may not see them in full ({@link Role#seesFullPersonalData()}). Resident
 * IDs have their own form ({@code ResidentId.mask}: first 6 and last 4 characters); phones and bank accounts keep
 * their first 3 and last 4 characters, so a caller can still be recognised, and anything shorter than 8 characters is
 * hidden whole.
 */
public final class PersonalData {

    private static final int KEPT_START = 3;
    private static final int KEPT_END = 4;
    private static final int SHORTEST_SHOWN = 8;

    private PersonalData() {
    }

    public static String maskPhone(String phone) {
        return mask(phone);
    }

    public static String maskAccount(String account) {
        return mask(account);
    }

    private static String mask(String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        String trimmed = value.strip();
        if (trimmed.length() < SHORTEST_SHOWN) {
            return "*".repeat(trimmed.length());
        }
        return trimmed.substring(0, KEPT_START) + "*".repeat(trimmed.length() - KEPT_START - KEPT_END)
                + trimmed.substring(trimmed.length() - KEPT_END);
    }
}
