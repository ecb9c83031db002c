package org.yinling.homecare;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from {@value #CHARACTERS} (no I, O, Z, S, V), the last a check
 * character over the first 17 with weights 3^i mod 31.
 */
final class CreditCode {

    static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** What is wrong with a code, or null when it is valid. */
    static Problem check(String code) {
        if (code == null || code.length() != 18) {
            return Problem.LENGTH;
        }
        for (int i = 0; i < 18; i++) {
            if (CHARACTERS.indexOf(code.charAt(i)) < 0) {
                return Problem.CHARACTER;
            }
        }
        return code.charAt(17) == checkCharacter(code.substring(0, 17)) ? null : Problem.CHECK_CHARACTER;
    }

    /** The check character of the first 17 characters (all from {@link #CHARACTERS}). */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARACTERS.charAt(check == 31 ? 0 : check);
    }

    /** Why a code is refused; each has a message key {@code homecare.creditCode.<name>}. */
    enum Problem {
        LENGTH, CHARACTER, CHECK_CHARACTER;

        String messageKey() {
            return "homecare.creditCode." + name();
        }
    }
}
