package org.yinling.homecare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 统一社会信用代码 (GB 32100-2015): the check character and the refusals a user sees. */
class CreditCodeTest {

    @Test
    void validCodesPass() {
        assertThat(CreditCode.check("91350100M000100Y43")).isNull();
        // the demo providers'
        assertThat(CreditCode.check("52330105MJ1234567X")).isNull();
        assertThat(CreditCode.check("52330105MJ7654321T")).isNull();
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        assertThat(CreditCode.check("91350100M000100Y44")).isEqualTo(CreditCode.Problem.CHECK_CHARACTER);
        assertThat(CreditCode.check("52330105MJ1234567Y")).isEqualTo(CreditCode.Problem.CHECK_CHARACTER);
        // two digits swapped: the weights catch it
        assertThat(CreditCode.check("91350100M000010Y43")).isEqualTo(CreditCode.Problem.CHECK_CHARACTER);
    }

    @Test
    void lowerCaseAndLettersOutsideTheSetAreRefused() {
        assertThat(CreditCode.check("91350100m000100y43")).isEqualTo(CreditCode.Problem.CHARACTER);
        // I, O, Z, S, V are not used
        assertThat(CreditCode.check("91350100O000100Y43")).isEqualTo(CreditCode.Problem.CHARACTER);
        assertThat(CreditCode.check("9135010-M000100Y43")).isEqualTo(CreditCode.Problem.CHARACTER);
    }

    @Test
    void theLengthIsEighteen() {
        assertThat(CreditCode.check("91350100M000100Y4")).isEqualTo(CreditCode.Problem.LENGTH);
        assertThat(CreditCode.check("91350100M000100Y433")).isEqualTo(CreditCode.Problem.LENGTH);
        assertThat(CreditCode.check("")).isEqualTo(CreditCode.Problem.LENGTH);
        assertThat(CreditCode.check(null)).isEqualTo(CreditCode.Problem.LENGTH);
        assertThat(CreditCode.Problem.CHECK_CHARACTER.messageKey()).isEqualTo("homecare.creditCode.CHECK_CHARACTER");
    }
}
