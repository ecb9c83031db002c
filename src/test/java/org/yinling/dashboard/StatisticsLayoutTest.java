package org.yinling.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published layout is never edited (issue 22 §4): version 1's field codes and their order are written out here,
 * and a fingerprint of every field's description (code, both names, unit, both definitions). Any edit of
 * {@link StatisticsLayoutV1} fails this test; a change of the receiving system's format is a new layout class.
 */
class StatisticsLayoutTest {

    static final List<String> V1_CODES = List.of(
            "INST_TOTAL", "INST_PUBLIC_HOME", "INST_RURAL_HOME", "INST_RURAL_HAPPINESS_HOME", "INST_DAY_CARE_CENTRE",
            "INST_PRIVATE_HOME", "INST_EMBEDDED_MICRO", "INST_MEDICAL_CARE_COMBINED",
            "BED_TOTAL", "BED_PUBLIC_HOME", "BED_RURAL_HOME", "BED_RURAL_HAPPINESS_HOME", "BED_DAY_CARE_CENTRE",
            "BED_PRIVATE_HOME", "BED_EMBEDDED_MICRO", "BED_MEDICAL_CARE_COMBINED", "BED_NURSING", "RESIDENTS",
            "ELD_60_TOTAL", "ELD_60_69_LOCAL", "ELD_60_69_OTHER", "ELD_70_79_LOCAL", "ELD_70_79_OTHER",
            "ELD_80_89_LOCAL", "ELD_80_89_OTHER", "ELD_90_99_LOCAL", "ELD_90_99_OTHER", "ELD_100_PLUS_LOCAL",
            "ELD_100_PLUS_OTHER",
            "SUB_AGE_ALLOWANCE_RECIPIENTS", "SUB_AGE_ALLOWANCE_AMOUNT",
            "SUB_HOME_CARE_SERVICE_RECIPIENTS", "SUB_HOME_CARE_SERVICE_AMOUNT",
            "SUB_HARDSHIP_SERVICE_RECIPIENTS", "SUB_HARDSHIP_SERVICE_AMOUNT",
            "SUB_NURSING_CARE_RECIPIENTS", "SUB_NURSING_CARE_AMOUNT",
            "SUB_MEAL_ASSISTANCE_RECIPIENTS", "SUB_MEAL_ASSISTANCE_AMOUNT",
            "SUB_PURCHASED_SERVICE_RECIPIENTS", "SUB_PURCHASED_SERVICE_AMOUNT",
            "SUB_TOTAL_RECIPIENTS", "SUB_TOTAL_AMOUNT",
            "ORG_OPERATING_AMOUNT", "ORG_CONSTRUCTION_AMOUNT", "ORG_MEAL_AMOUNT", "ORG_HOME_CARE_AMOUNT",
            "MEAL_SERVED", "MEAL_ELDERS", "MEAL_SUBSIDY",
            "HC_ELDERS", "HC_VISITS", "HC_HOURS", "HC_AMOUNT",
            "VIS_DUE", "VIS_DONE", "VIS_RATE");

    /** SHA-256 of version 1's field descriptions, one per line. Never update it: add a version instead. */
    static final String V1_FINGERPRINT = "5e092d0f0fe024c60767482c315786bde74642ca732ebb9230c53b67297aa284";

    @Test
    void version1IsPinned() throws Exception {
        StatisticsLayout v1 = new StatisticsLayouts().find(1).orElseThrow();
        assertThat(v1.fields().stream().map(StatisticsField::code).toList()).isEqualTo(V1_CODES);
        assertThat(fingerprint(v1)).isEqualTo(V1_FINGERPRINT);
    }

    @Test
    void everyLayoutHasDistinctCodesNamesInBothLanguagesAndADefinition() {
        StatisticsLayouts layouts = new StatisticsLayouts();
        assertThat(layouts.all().stream().map(StatisticsLayout::version).distinct().count())
                .isEqualTo(layouts.all().size());
        assertThat(layouts.newest().version()).isEqualTo(layouts.all().stream()
                .mapToInt(StatisticsLayout::version).max().orElseThrow());
        for (StatisticsLayout layout : layouts.all()) {
            assertThat(layout.fields().stream().map(StatisticsField::code).distinct().count())
                    .isEqualTo(layout.fields().size());
            for (StatisticsField field : layout.fields()) {
                assertThat(field.code()).matches("[A-Z][A-Z0-9_]*");
                assertThat(field.nameZh()).isNotBlank();
                assertThat(field.nameEn()).isNotBlank();
                assertThat(field.definitionZh()).isNotBlank();
                assertThat(field.definitionEn()).isNotBlank();
            }
        }
        assertThat(layouts.parse("")).contains(layouts.newest());
        assertThat(layouts.parse("1")).isPresent();
        assertThat(layouts.parse("0")).isEmpty();
        assertThat(layouts.parse("1.0")).isEmpty();
        assertThat(layouts.parse("99999999999")).isEmpty();
    }

    static String fingerprint(StatisticsLayout layout) throws Exception {
        String text = layout.fields().stream().map(StatisticsField::describe).collect(Collectors.joining("\n"));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
