package org.yinling.region;

import java.util.Arrays;

/** 城乡分类代码 of the national statistical division codes: 1xx urban, 2xx rural. */
public enum UrbanRuralClass {
    MAIN_URBAN("111"),
    URBAN_RURAL_FRINGE("112"),
    TOWN_CENTRE("121"),
    TOWN_RURAL_FRINGE("122"),
    SPECIAL_AREA("123"),
    TOWNSHIP_CENTRE("210"),
    VILLAGE("220");

    private final String code;

    UrbanRuralClass(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isUrban() {
        return code.charAt(0) == '1';
    }

    public String messageKey() {
        return "region.urbanRural." + code;
    }

    public static UrbanRuralClass ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown urban/rural class " + code));
    }
}
