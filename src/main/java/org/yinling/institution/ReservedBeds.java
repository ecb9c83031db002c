package org.yinling.institution;

/** Seed 003: a public-built-private-run institution keeps 30 % of its beds for 特困 elders (rounded up). */
final class ReservedBeds {

    private static final int PERCENT = 30;

    private ReservedBeds() {
    }

    static int forExtremePoverty(Ownership ownership, int beds) {
        return ownership == Ownership.PUBLIC_BUILT_PRIVATE_RUN ? (beds * PERCENT + 99) / 100 : 0;
    }

    /** Whether one more elder who is not 特困 may be admitted without taking one of the kept places. */
    static boolean admitsOtherElder(Ownership ownership, int beds, int otherEldersStaying) {
        return otherEldersStaying < beds - forExtremePoverty(ownership, beds);
    }
}
