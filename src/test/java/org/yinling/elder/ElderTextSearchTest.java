package org.yinling.elder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the text typed is read as, and the one condition (with its index's shape) it becomes. */
class ElderTextSearchTest {

    @Test
    void blankTextSearchesNothing() {
        assertThat(ElderTextSearch.of(null)).isEmpty();
        assertThat(ElderTextSearch.of("  ")).isEmpty();
    }

    @Test
    void theLastFourToSixCharactersAreAPrefixOfTheReversedId() {
        ElderTextSearch suffix = ElderTextSearch.of(" 12345x ").orElseThrow();
        assertThat(suffix.kind()).isEqualTo(ElderTextSearch.Kind.ID_SUFFIX);
        assertThat(suffix.condition("e")).isEqualTo("reverse(e.resident_id) LIKE :elderText");
        assertThat(suffix.value()).isEqualTo("X54321%");
        assertThat(ElderTextSearch.of("5713").orElseThrow().value()).isEqualTo("3175%");
        // three digits, or seven, are not a suffix search
        assertThat(ElderTextSearch.of("571").orElseThrow().kind()).isEqualTo(ElderTextSearch.Kind.NAME_PREFIX);
        assertThat(ElderTextSearch.of("1234567").orElseThrow().kind()).isEqualTo(ElderTextSearch.Kind.NAME_PREFIX);
    }

    @Test
    void aWholeIdIsLookedUpInItsEighteenCharacterForm() {
        ElderTextSearch lower = ElderTextSearch.of("11010519491231002x").orElseThrow();
        assertThat(lower.kind()).isEqualTo(ElderTextSearch.Kind.FULL_ID);
        assertThat(lower.condition("e")).isEqualTo("e.resident_id = :elderText");
        assertThat(lower.value()).isEqualTo("11010519491231002X");
        // a legacy 15-digit number: 19 added to the year, the check character computed
        String body = "110105" + "19380412" + "123";
        assertThat(ElderTextSearch.of("110105380412123").orElseThrow().value())
                .isEqualTo(body + ResidentId.checkCharacter(body));
        // a number whose check character is wrong is looked up as typed (older records may carry one)
        String wrong = body + (ResidentId.checkCharacter(body) == '0' ? '1' : '0');
        assertThat(ElderTextSearch.of(wrong).orElseThrow().value()).isEqualTo(wrong);
    }

    @Test
    void anythingElseIsTheStartOfTheNameWithLikeWildcardsTakenLiterally() {
        ElderTextSearch name = ElderTextSearch.of(" 王秀 ").orElseThrow();
        assertThat(name.kind()).isEqualTo(ElderTextSearch.Kind.NAME_PREFIX);
        assertThat(name.condition("x")).isEqualTo("x.name COLLATE \"C\" LIKE :elderText");
        assertThat(name.value()).isEqualTo("王秀%");
        assertThat(ElderTextSearch.of("50%_a\\").orElseThrow().value()).isEqualTo("50\\%\\_a\\\\%");
        // the case typed is kept: a name is matched as written
        assertThat(ElderTextSearch.of("Anna").orElseThrow().value()).isEqualTo("Anna%");
        assertThat(name.params()).containsEntry(ElderTextSearch.PARAMETER, "王秀%");
    }

    @Test
    void theAliasIsAnIdentifierNeverSqlAndTheValueNeverLeaksIntoText() {
        assertThatThrownBy(() -> ElderTextSearch.of("王").orElseThrow().condition("e; DELETE FROM elder"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ElderTextSearch.of("11010519491231002X").orElseThrow().toString()).doesNotContain("110105");
    }
}
