package org.yinling.subsidy.rule;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The attributes of one elder that rules may test, as stored in {@code elder}. Each is read from the column its
 * {@link Attribute} names, so a new attribute needs no change here. Values are kept as text (numbers in plain
 * notation); one not recorded (capability level, income) is null, and a criterion on an unknown value never
 * passes, in Java as in SQL.
 */
public final class EligibilityFacts {

    /** The SELECT list that reads these facts from {@code elder e}: every attribute's column once. */
    public static final String COLUMNS = Arrays.stream(Attribute.values()).map(Attribute::column).distinct()
            .map(column -> "e." + column).collect(Collectors.joining(", "));

    private final LocalDate birthDate;
    private final LocalDate assessmentValidUntil;
    private final Map<Attribute, String> values;

    private EligibilityFacts(LocalDate birthDate, LocalDate assessmentValidUntil, Map<Attribute, String> values) {
        this.birthDate = birthDate;
        this.assessmentValidUntil = assessmentValidUntil;
        this.values = Collections.unmodifiableMap(values);
    }

    /** Reads the facts from a row that holds {@link #COLUMNS} (other columns may come before or after). */
    public static EligibilityFacts read(ResultSet rs) throws SQLException {
        Map<Attribute, String> values = new EnumMap<>(Attribute.class);
        LocalDate birthDate = rs.getObject(Attribute.AGE.column(), LocalDate.class);
        for (Attribute attribute : Attribute.values()) {
            if (attribute == Attribute.AGE || attribute == Attribute.ASSESSMENT_VALID) {
                continue; // depends on the day of evaluation: see value()
            }
            values.put(attribute, switch (attribute.type()) {
                case NUMBER -> plain(rs.getBigDecimal(attribute.column()));
                case BOOLEAN -> {
                    boolean value = rs.getBoolean(attribute.column());
                    yield rs.wasNull() ? null : Boolean.toString(value);
                }
                case CHOICE -> rs.getString(attribute.column());
            });
        }
        return new EligibilityFacts(birthDate, rs.getObject(Attribute.ASSESSMENT_VALID.column(), LocalDate.class), values);
    }

    /** The attribute's value as text (numbers in plain notation), or null when unknown. */
    public String value(Attribute attribute, LocalDate on) {
        if (attribute == Attribute.ASSESSMENT_VALID) {
            return Boolean.toString(assessmentValidUntil != null && !assessmentValidUntil.isBefore(on));
        }
        return attribute == Attribute.AGE ? Integer.toString(ageOn(on)) : values.get(attribute);
    }

    /** Whole years completed on {@code on}: someone born on 29 February turns a year older on 1 March. */
    public int ageOn(LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return "EligibilityFacts[birthDate=" + birthDate + ", " + values + "]";
    }
}
