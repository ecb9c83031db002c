package org.yinling.elder;

/**
 * Older-adult capability level (老年人能力等级) of GB/T 42195-2022, from intact (0) to completely lost (4),
 * with the range of assessment totals that maps to each level before adjustments.
 */
public enum CapabilityLevel {

    /** 能力完好 */
    INTACT(0, "intact", 90, 90),
    /** 能力轻度受损（轻度失能） */
    MILD_DISABILITY(1, "mild", 66, 89),
    /** 能力中度受损（中度失能） */
    MODERATE_DISABILITY(2, "moderate", 46, 65),
    /** 能力重度受损（重度失能） */
    SEVERE_DISABILITY(3, "severe", 30, 45),
    /** 能力完全丧失（完全失能） */
    COMPLETE_DISABILITY(4, "complete", 0, 29);

    private final int code;
    private final String messageKey;
    private final int minTotal;
    private final int maxTotal;

    CapabilityLevel(int code, String keySuffix, int minTotal, int maxTotal) {
        this.code = code;
        this.messageKey = "assessment.level." + keySuffix;
        this.minTotal = minTotal;
        this.maxTotal = maxTotal;
    }

    /** The standard's level number, 0 (intact) to 4 (complete disability); suitable for persistence. */
    public int code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    /** Lowest assessment total mapping to this level. */
    public int minTotal() {
        return minTotal;
    }

    /** Highest assessment total mapping to this level. */
    public int maxTotal() {
        return maxTotal;
    }

    /** @throws IllegalArgumentException unless {@code code} is 0–4 */
    public static CapabilityLevel fromCode(int code) {
        for (CapabilityLevel level : values()) {
            if (level.code == code) {
                return level;
            }
        }
        throw new IllegalArgumentException("No capability level with code " + code);
    }

    /** The level {@code steps} worse than this one, never worse than {@link #COMPLETE_DISABILITY}. */
    public CapabilityLevel worsenedBy(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative: " + steps);
        }
        return fromCode(code + Math.min(steps, COMPLETE_DISABILITY.code - code));
    }
}
