package org.yinling.elder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yinling.elder.InvalidResidentIdException.Reason;

class ResidentIdTest {

    /** Fixed "today" so the future-date rule is deterministic. */
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    /** Published example from GB 11643-1999: Beijing Chaoyang, born 1949-12-31, female. */
    private static final String PUBLISHED_FEMALE = "11010519491231002X";

    private static ResidentId parse(String raw) {
        return ResidentId.parse(raw, TODAY);
    }

    private static Reason rejectionReason(String raw) {
        try {
            ResidentId id = ResidentId.parse(raw, TODAY);
            throw new AssertionError("Expected " + raw + " to be rejected but got " + id.value());
        } catch (InvalidResidentIdException e) {
            return e.reason();
        }
    }

    /** Appends the correct check character, so a fixture's only possible defect is the one under test. */
    private static String withCheck(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }

    @Nested
    class ValidIds {

        // Expected check characters were computed independently of the production code.
        @ParameterizedTest
        @CsvSource({
                "11010519491231002X, 1949-12-31, FEMALE, 110105",
                "110101198001010010, 1980-01-01, MALE,   110101",
                "320102196306152024, 1963-06-15, FEMALE, 320102",
                "510107195503073010, 1955-03-07, MALE,   510107",
                "440304200111185678, 2001-11-18, MALE,   440304",
                "33010519400118123X, 1940-01-18, MALE,   330105",
                "330105194002291238, 1940-02-29, MALE,   330105",
                "330105200002291244, 2000-02-29, FEMALE, 330105",
        })
        void parsesAndExposesParts(String raw, LocalDate birthDate, Sex sex, String addressCode) {
            ResidentId id = parse(raw);

            assertThat(id.value()).isEqualTo(raw).hasSize(18);
            assertThat(id.birthDate()).isEqualTo(birthDate);
            assertThat(id.sex()).isEqualTo(sex);
            assertThat(id.addressCode()).isEqualTo(addressCode);
            assertThat(ResidentId.isValid(raw, TODAY)).isTrue();
        }

        @Test
        void acceptsLowerCaseXAndStoresUpperCase() {
            ResidentId id = parse("11010519491231002x");

            assertThat(id.value()).isEqualTo(PUBLISHED_FEMALE);
            assertThat(id).isEqualTo(parse(PUBLISHED_FEMALE));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "  11010519491231002X  ",
                "\t11010519491231002X\n",
                "\u300011010519491231002X\u3000", // full-width (ideographic) space, common with Chinese IMEs
        })
        void trimsSurroundingWhitespace(String raw) {
            assertThat(parse(raw).value()).isEqualTo(PUBLISHED_FEMALE);
        }

        @Test
        void birthDateOfTodayIsAccepted() {
            ResidentId newborn = parse(withCheck("110105" + "20250615" + "001"));

            assertThat(newborn.birthDate()).isEqualTo(TODAY);
            assertThat(newborn.ageOn(TODAY)).isZero();
        }

        @Test
        void earliestAcceptedBirthDateIs1900_01_01() {
            assertThat(parse(withCheck("110105" + "19000101" + "001")).birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
            assertThat(rejectionReason(withCheck("110105" + "18991231" + "001"))).isEqualTo(Reason.BIRTH_DATE);
        }

        @Test
        void parseWithoutTodayIsForLookupsAndSkipsOnlyTheFutureDateCheck() {
            assertThat(ResidentId.parse(PUBLISHED_FEMALE).value()).isEqualTo(PUBLISHED_FEMALE);
            String future = withCheck("110105" + "29991231" + "001");
            assertThat(ResidentId.parse(future).value()).isEqualTo(future);
            assertThatExceptionOfType(InvalidResidentIdException.class)
                    .isThrownBy(() -> ResidentId.parse(future, TODAY))
                    .extracting(InvalidResidentIdException::reason)
                    .isEqualTo(Reason.FUTURE_BIRTH_DATE);
            assertThatExceptionOfType(InvalidResidentIdException.class)
                    .isThrownBy(() -> ResidentId.parse(withCheck("110105" + "19491231" + "001").replace('X', '0') + "1"))
                    .extracting(InvalidResidentIdException::reason)
                    .isEqualTo(Reason.LENGTH);
        }
    }

    @Nested
    class CheckCharacter {

        // One body per possible check character, so every entry of the mod-11 table is exercised.
        @ParameterizedTest
        @CsvSource({
                "11010819560704103, 1",
                "11010819560704109, 0",
                "11010819560704104, X",
                "11010819560704118, 9",
                "11010819560704105, 8",
                "11010819560704100, 7",
                "11010819560704106, 6",
                "11010819560704101, 5",
                "11010819560704107, 4",
                "11010819560704102, 3",
                "11010819560704108, 2",
        })
        void coversEveryRemainder(String first17, char expected) {
            assertThat(ResidentId.checkCharacter(first17)).isEqualTo(expected);
            assertThat(parse(first17 + expected).value()).endsWith(String.valueOf(expected));
        }

        @Test
        void matchesPublishedStandardExamples() {
            assertThat(ResidentId.checkCharacter("11010519491231002")).isEqualTo('X');
            // GB 11643-1999's other example (Shantou, born 1880-01-01): correct check character ...
            assertThat(ResidentId.checkCharacter("44052418800101001")).isEqualTo('4');
            // ... but this application refuses birth dates before 1900.
            assertThat(rejectionReason("440524188001010014")).isEqualTo(Reason.BIRTH_DATE);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"1101051949123100", "110105194912310021", "1101051949123100X", "１１０１０５１９４９１２３１００２"})
        void rejectsAnythingButSeventeenAsciiDigits(String first17) {
            assertThatIllegalArgumentException().isThrownBy(() -> ResidentId.checkCharacter(first17));
        }
    }

    @Nested
    class SingleCharacterErrors {

        private static final DateTimeFormatter STRICT_DATE =
                DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

        static Stream<Arguments> everyPositionOfSeveralIds() {
            return Stream.of(PUBLISHED_FEMALE, "110101198001010010", "330105200002291244")
                    .flatMap(id -> IntStream.range(0, 18).mapToObj(position -> Arguments.of(id, position)));
        }

        /**
         * MOD 11-2 detects every single-character substitution, so any change must be rejected: with
         * CHECK_DIGIT, unless the change breaks the birth date, which is reported first.
         */
        @ParameterizedTest(name = "{0} position {1}")
        @MethodSource("everyPositionOfSeveralIds")
        void everySubstitutionIsRejected(String valid, int position) {
            String alphabet = position == 17 ? "0123456789X" : "0123456789";
            for (char replacement : alphabet.toCharArray()) {
                if (replacement == valid.charAt(position)) {
                    continue;
                }
                String mutated = valid.substring(0, position) + replacement + valid.substring(position + 1);

                assertThat(rejectionReason(mutated))
                        .as("%s (position %d -> %s)", mutated, position, replacement)
                        .isEqualTo(expectedReasonFor(mutated));
            }
        }

        /** Independent oracle for the date rules; anything else wrong must be the check character. */
        private static Reason expectedReasonFor(String mutated) {
            LocalDate date;
            try {
                date = LocalDate.parse(mutated.substring(6, 14), STRICT_DATE);
            } catch (DateTimeParseException e) {
                return Reason.BIRTH_DATE;
            }
            if (date.getYear() < 1900) {
                return Reason.BIRTH_DATE;
            }
            return date.isAfter(TODAY) ? Reason.FUTURE_BIRTH_DATE : Reason.CHECK_DIGIT;
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2, 3, 4, 5, 14, 15, 16, 17})
        void changesOutsideTheBirthDateAreAlwaysCheckDigitErrors(int position) {
            char original = PUBLISHED_FEMALE.charAt(position);
            char replacement = original == '5' ? '6' : '5';
            String mutated = PUBLISHED_FEMALE.substring(0, position) + replacement + PUBLISHED_FEMALE.substring(position + 1);

            assertThat(rejectionReason(mutated)).isEqualTo(Reason.CHECK_DIGIT);
        }
    }

    @Nested
    class BirthDate {

        @ParameterizedTest
        @CsvSource({"19400229, 1940-02-29", "20000229, 2000-02-29", "19960229, 1996-02-29"})
        void acceptsLeapDaysOfLeapYears(String yyyymmdd, LocalDate expected) {
            assertThat(parse(withCheck("330105" + yyyymmdd + "123")).birthDate()).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "19410229", // not a leap year
                "19000229", // divisible by 100 but not by 400
                "19400230",
                "19491331", // month 13
                "19490031", // month 00
                "19491200", // day 00
                "19491232", // day 32
                "19490431", // April has 30 days
                "00000000",
        })
        void rejectsImpossibleDates(String yyyymmdd) {
            assertThat(rejectionReason(withCheck("110105" + yyyymmdd + "002"))).isEqualTo(Reason.BIRTH_DATE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"20250616", "20260101", "29991231"})
        void rejectsBirthDatesAfterToday(String yyyymmdd) {
            assertThat(rejectionReason(withCheck("110105" + yyyymmdd + "002"))).isEqualTo(Reason.FUTURE_BIRTH_DATE);
        }

        @Test
        void futureIsRelativeToTheGivenDay() {
            String id = withCheck("110105" + "20250616" + "002");

            assertThat(ResidentId.isValid(id, TODAY)).isFalse();
            assertThat(ResidentId.isValid(id, TODAY.plusDays(1))).isTrue();
        }
    }

    @Nested
    class LegacyFifteenDigits {

        @ParameterizedTest
        @CsvSource({
                "110105491231002, 11010519491231002X, 1949-12-31, FEMALE",
                "110101800101001, 110101198001010010, 1980-01-01, MALE",
                "340524800101001, 34052419800101001X, 1980-01-01, MALE",
        })
        void upgradesToEighteenDigits(String legacy, String upgraded, LocalDate birthDate, Sex sex) {
            ResidentId id = parse(legacy);

            assertThat(id.value()).isEqualTo(upgraded);
            assertThat(id.birthDate()).isEqualTo(birthDate);
            assertThat(id.sex()).isEqualTo(sex);
            assertThat(id.addressCode()).isEqualTo(legacy.substring(0, 6));
            assertThat(id).isEqualTo(parse(upgraded));
        }

        @Test
        void yearIsAlwaysNineteenHundreds() {
            // "000229" means 1900-02-29, which does not exist, not 2000-02-29.
            assertThat(rejectionReason("110105000229002")).isEqualTo(Reason.BIRTH_DATE);
            assertThat(parse("110105400229002").birthDate()).isEqualTo(LocalDate.of(1940, 2, 29));
        }

        @ParameterizedTest
        @ValueSource(strings = {"110105491331002", "110105490230002", "110105491200002"})
        void rejectsImpossibleDates(String legacy) {
            assertThat(rejectionReason(legacy)).isEqualTo(Reason.BIRTH_DATE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"11010549123100X", "11010549123100x", "1101054912A1002"})
        void rejectsNonDigits(String legacy) {
            assertThat(rejectionReason(legacy)).isEqualTo(Reason.CHARACTERS);
        }
    }

    @Nested
    class MalformedInput {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n", "\u3000"})
        void blank(String raw) {
            assertThat(rejectionReason(raw)).isEqualTo(Reason.BLANK);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "1",
                "11010519491231",        // 14
                "1101051949123100",      // 16
                "11010519491231002",     // 17: check character missing
                "11010519491231002X1",   // 19
                "110105194912310021X",   // 19
                "110105 19491231002X",   // inner whitespace is not removed
        })
        void wrongLength(String raw) {
            assertThat(rejectionReason(raw)).isEqualTo(Reason.LENGTH);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "11010519491A31002X",   // letter in the body
                "X10105194912310021",   // X only allowed last
                "1101051949123100X2",
                "11010519491231002Y",   // check character not 0-9/X
                "1101051949123100 X",   // inner space
                "-1010519491231002X",
                "１１０１０５１９４９１２３１００２X", // full-width digits
        })
        void wrongCharacters(String raw) {
            assertThat(rejectionReason(raw)).isEqualTo(Reason.CHARACTERS);
        }

        @Test
        void tryParseAndIsValidDoNotThrow() {
            assertThat(ResidentId.tryParse(PUBLISHED_FEMALE, TODAY)).contains(parse(PUBLISHED_FEMALE));
            assertThat(ResidentId.tryParse(PUBLISHED_FEMALE)).contains(parse(PUBLISHED_FEMALE));
            assertThat(ResidentId.tryParse("11010519491231002", TODAY)).isEmpty();
            assertThat(ResidentId.tryParse(null)).isEmpty();
            assertThat(ResidentId.isValid(PUBLISHED_FEMALE)).isTrue();
            assertThat(ResidentId.isValid("110105194912310021")).isFalse();
            assertThat(ResidentId.isValid(null)).isFalse();
        }

        @Test
        void exceptionMessageDoesNotLeakTheInput() {
            String wrong = "110105194912310021";

            assertThatThrownBy(() -> parse(wrong))
                    .isInstanceOf(InvalidResidentIdException.class)
                    .hasMessageContaining("CHECK_DIGIT")
                    .hasMessageNotContaining(wrong)
                    .hasMessageNotContaining("19491231");
        }
    }

    @Nested
    class Messages {

        @Test
        void messageKeysUseLowerCaseReasonNames() {
            assertThat(new InvalidResidentIdException(Reason.CHECK_DIGIT).messageKey())
                    .isEqualTo("elder.residentId.check_digit");
            assertThat(new InvalidResidentIdException(Reason.FUTURE_BIRTH_DATE).messageKey())
                    .isEqualTo("elder.residentId.future_birth_date");
        }

        @ParameterizedTest
        @EnumSource(Reason.class)
        void everyReasonHasItsOwnKey(Reason reason) {
            InvalidResidentIdException e = new InvalidResidentIdException(reason);

            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.messageKey()).isEqualTo("elder.residentId." + reason.name().toLowerCase());
        }

        @Test
        void sexMessageKeys() {
            assertThat(Sex.MALE.messageKey()).isEqualTo("elder.sex.male");
            assertThat(Sex.FEMALE.messageKey()).isEqualTo("elder.sex.female");
        }
    }

    @Nested
    class Masking {

        @Test
        void masksTheEightDigitsBetweenAddressAndLastFour() {
            assertThat(parse("33010519400118123X").masked()).isEqualTo("330105********123X");
            assertThat(parse("110101198001010010").masked()).isEqualTo("110101********0010");
        }

        @Test
        void toStringIsMaskedAndNeverContainsTheBirthDate() {
            ResidentId id = parse(PUBLISHED_FEMALE);

            assertThat(id.toString())
                    .isEqualTo("110105********002X")
                    .doesNotContain(PUBLISHED_FEMALE)
                    .doesNotContain("19491231");
            assertThat(String.valueOf(id)).isEqualTo(id.masked());
        }
    }

    @Nested
    class Equality {

        @Test
        void equalByValue() {
            ResidentId a = parse(PUBLISHED_FEMALE);
            ResidentId b = parse(" 11010519491231002x ");
            ResidentId legacy = parse("110105491231002");

            assertThat(a).isEqualTo(b).isEqualTo(legacy).hasSameHashCodeAs(b).hasSameHashCodeAs(legacy);
            assertThat(a).isNotEqualTo(parse("110101198001010010")).isNotEqualTo(PUBLISHED_FEMALE);
        }
    }

    @Nested
    class Age {

        @ParameterizedTest
        @CsvSource({
                "11010519491231002X, 1949-12-31, 0",
                "11010519491231002X, 2019-12-30, 69",
                "11010519491231002X, 2019-12-31, 70",
                "11010519491231002X, 2020-01-01, 70",
                "11010519491231002X, 2025-06-15, 75",
                // born on a leap day: a year older on 1 March in common years, on 29 February in leap years
                "330105194002291238, 2021-02-28, 80",
                "330105194002291238, 2021-03-01, 81",
                "330105194002291238, 2024-02-28, 83",
                "330105194002291238, 2024-02-29, 84",
        })
        void fullYears(String raw, LocalDate on, int expectedAge) {
            assertThat(parse(raw).ageOn(on)).isEqualTo(expectedAge);
        }

        @Test
        void rejectsDatesBeforeBirth() {
            ResidentId id = parse(PUBLISHED_FEMALE);

            assertThatIllegalArgumentException().isThrownBy(() -> id.ageOn(LocalDate.of(1949, 12, 30)));
        }
    }
}
