package org.yinling.subsidy.rule;

/** Comparison of an attribute with the criterion's values. BETWEEN includes both ends. */
public enum Operator {
    EQ("="), NE("≠"), LT("<"), LE("≤"), GT(">"), GE("≥"), IN("∈"), BETWEEN("∈[ ]");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** How many values the operator takes: exactly one, exactly two (BETWEEN), or one or more (IN). */
    boolean acceptsValueCount(int count) {
        return switch (this) {
            case IN -> count >= 1;
            case BETWEEN -> count == 2;
            default -> count == 1;
        };
    }

    public String messageKey() {
        return "subsidy.operator." + name();
    }
}
