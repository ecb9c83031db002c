package org.yinling.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: long enough, letters and digits, at most 72 bytes (bcrypt's limit, past which characters
 * would be silently ignored), not the username, not a common password and not a repetition or a sequence. Returns the
 * message key of the first rule broken.
 *
 * <p>Common passwords: the list {@value #COMMON_PASSWORDS} (the 10,000 most frequent of a public corpus of leaked
 * passwords, and some common among Chinese users), compared in lower case, also with the digits and symbols at the end
 * (and at the start) removed and with look-alike digits read as letters, so {@code password1}, {@code Passw0rd} and
 * {@code Dragon2026!} are refused. Repetitive: fewer than five different characters ({@code aaaaaaa1}), a short
 * unit repeated ({@code abab1212} without its digits: {@code abab}), an alphabet, digit or keyboard run
 * ({@code abcdefg1}, {@code qwertyu8}), or one or two letters around a run of digits ({@code a1234567}).
 */
@Component
class PasswordPolicy {

    static final String COMMON_PASSWORDS = "security/common-passwords.txt";

    private static final int MIN_DISTINCT_CHARACTERS = 5;
    private static final String[] KEYBOARD_RUNS = {"qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890",
            "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "qazwsxedcrfvtgbyhnujmikolp"};

    private final LoginProtectionProperties properties;
    private final Set<String> common;

    PasswordPolicy(LoginProtectionProperties properties) {
        this.properties = properties;
        this.common = load();
    }

    Optional<String> violation(String password, String username) {
        if (password == null || password.length() < properties.passwordMinLength()) {
            return Optional.of("password.policy.length");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return Optional.of("password.policy.tooLong");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return Optional.of("password.policy.mix");
        }
        if (containsUsername(password, username)) {
            return Optional.of("password.policy.username");
        }
        if (isCommon(password)) {
            return Optional.of("password.policy.common");
        }
        if (isRepetitive(password)) {
            return Optional.of("password.policy.repetitive");
        }
        return Optional.empty();
    }

    int minLength() {
        return properties.passwordMinLength();
    }

    private static boolean containsUsername(String password, String username) {
        if (username == null || username.isBlank()) {
            return false;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username.trim().toLowerCase(Locale.ROOT);
        String letters = name.replaceAll("[^\\p{L}\\p{N}]", "");
        return lower.contains(name) || (letters.length() >= 3 && lower.replaceAll("[^\\p{L}\\p{N}]", "").contains(letters));
    }

    /** In the list as typed, without the digits and symbols at its end (or at both ends), or with leet digits read. */
    boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        Set<String> candidates = new LinkedHashSet<>();
        for (String form : new String[] {lower, stripEnd(lower), stripBothEnds(lower)}) {
            candidates.add(form);
            candidates.add(unleet(form, 'i'));
            candidates.add(unleet(form, 'l'));
        }
        return candidates.stream().anyMatch(common::contains);
    }

    boolean isRepetitive(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return true;
        }
        String end = stripEnd(lower);
        String core = stripBothEnds(lower);
        for (String form : new String[] {lower, end, core}) {
            if (form.length() >= 3 && (isRepeatedUnit(form) || isRun(form) || isKeyboardRun(form))) {
                return true;
            }
        }
        // one or two letters around a run of digits or symbols: "a1234567", "ab888888"
        if (core.length() < 3) {
            int start = end.length() - core.length();
            String affixes = lower.substring(0, start) + lower.substring(end.length());
            return affixes.length() >= 3 && (isRepeatedUnit(affixes) || isRun(affixes) || isKeyboardRun(affixes));
        }
        return false;
    }

    /** "aaaa", "abab", "abcabc", "12341234": a unit of one to four characters, repeated. */
    private static boolean isRepeatedUnit(String text) {
        return text.matches("(.{1,4})\\1+");
    }

    /** "abcdefg", "87654321": each character one after (or one before) the previous. */
    private static boolean isRun(String text) {
        int[] points = text.codePoints().toArray();
        int step = points[1] - points[0];
        if (step != 1 && step != -1) {
            return false;
        }
        for (int i = 2; i < points.length; i++) {
            if (points[i] - points[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    /** Four or more neighbouring keys of a keyboard row or column, either way. */
    private static boolean isKeyboardRun(String text) {
        if (text.length() < 4) {
            return false;
        }
        for (String run : KEYBOARD_RUNS) {
            if (run.contains(text) || new StringBuilder(run).reverse().toString().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static String stripEnd(String text) {
        return text.replaceFirst("[^\\p{L}]+$", "");
    }

    private static String stripBothEnds(String text) {
        return stripEnd(text).replaceFirst("^[^\\p{L}]+", "");
    }

    private static String unleet(String text, char one) {
        StringBuilder read = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            read.append(switch (c) {
                case '0' -> 'o';
                case '1' -> one;
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                case '!' -> 'i';
                default -> c;
            });
        }
        return read.toString();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        try (InputStream in = new ClassPathResource(COMMON_PASSWORDS).getInputStream();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("The list of common passwords " + COMMON_PASSWORDS + " cannot be read", e);
        }
        if (words.size() < 10_000) {
            throw new IllegalStateException("The list of common passwords " + COMMON_PASSWORDS + " is incomplete");
        }
        return Set.copyOf(words);
    }
}
