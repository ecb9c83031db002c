package org.yinling.account;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Penetration test finding L3: {@code password1}, {@code Passw0rd} and {@code aaaaaaa1} were accepted. Common
 * passwords (the shipped list, in any case, with digits and symbols at the end, with look-alike digits), repetitive
 * ones and the username inside the password are refused; ordinary strong passwords still pass.
 */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new LoginProtectionProperties(5, Duration.ofMinutes(15), 8));

    @Test
    void thePasswordsOfTheFindingAreRefused() {
        assertThat(policy.violation("password1", "wang.fang")).contains("password.policy.common");
        assertThat(policy.violation("Passw0rd", "wang.fang")).contains("password.policy.common");
        // on the list of common passwords as well as repetitive: refused for the first reason found
        assertThat(policy.violation("aaaaaaa1", "wang.fang")).contains("password.policy.common");
        assertThat(policy.violation("bbbbbbb7", "wang.fang")).contains("password.policy.repetitive");
    }

    @Test
    void commonPasswordsAreRefusedInAnyCaseAndWithDigitsOrSymbolsAtTheEnd() {
        for (String password : List.of("PASSWORD1", "Password123!", "Qwerty2026", "iloveyou8", "Dragon2026!", "12345678a",
                "P@ssw0rd", "Woaini1314", "1qaz2wsx", "Football99", "Sunshine1", "Yinling2026", "Monkey!!12")) {
            assertThat(policy.violation(password, "wang.fang")).as(password).contains("password.policy.common");
        }
    }

    @Test
    void repetitiveAndSequentialPasswordsAreRefused() {
        for (String password : List.of("aaaa1111", "abab1212", "abcdefg1", "Abcdefgh9", "qwertyu8", "Zyxwvu123",
                "a1234567", "ab888888", "Xyz12345", "abcabc123", "q1q1q1q1")) {
            assertThat(policy.violation(password, "wang.fang")).as(password)
                    .hasValueSatisfying(key -> assertThat(key).isIn("password.policy.repetitive",
                            "password.policy.common"));
        }
        assertThat(policy.violation("Mxmxmx12", "wang.fang")).contains("password.policy.repetitive");
    }

    @Test
    void theUsernameInsideThePasswordIsRefusedInAnyCaseAndWithoutItsDots() {
        assertThat(policy.violation("Wang.Fang2026", "wang.fang")).contains("password.policy.username");
        assertThat(policy.violation("x7WANGFANGx7", "wang.fang")).contains("password.policy.username");
        assertThat(policy.violation("Guashan2026", "guashan.browser")).isEmpty();
    }

    @Test
    void ordinaryStrongPasswordsPass() {
        for (String password : List.of("Xiangfu2026", "Temp2026pw", "Fresh2027pw", "Session2026", "Good2026pw",
                "Guashan2026", "Lantian#2026", "k7Fq2mZp9", "Escape12345", "73829164ab", "Shangtang88Lu")) {
            assertThat(policy.violation(password, "wang.fang")).as(password).isEmpty();
        }
    }

    @Test
    void theRulesThatWereThereStillHold() {
        assertThat(policy.violation("short1", "wang.fang")).contains("password.policy.length");
        assertThat(policy.violation("onlyletters", "wang.fang")).contains("password.policy.mix");
        assertThat(policy.violation("x1" + "长".repeat(24), "wang.fang")).contains("password.policy.tooLong");
    }
}
