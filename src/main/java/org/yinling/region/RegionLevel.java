package org.yinling.region;

/** Tiers of the region tree and how many leading digits of the 12-digit code identify a region of that tier. */
public enum RegionLevel {
    DISTRICT(6), STREET(9), COMMUNITY(12);

    private final int significantDigits;

    RegionLevel(int significantDigits) {
        this.significantDigits = significantDigits;
    }

    public int significantDigits() {
        return significantDigits;
    }

    /** The level of a region whose parent is of this level, or null below communities. */
    public RegionLevel child() {
        return switch (this) {
            case DISTRICT -> STREET;
            case STREET -> COMMUNITY;
            case COMMUNITY -> null;
        };
    }

    public String messageKey() {
        return "region.level." + name().toLowerCase();
    }
}
