package org.yinling.dashboard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;

/**
 * The cells and relations of the two pages that show counts of people to managers: the dashboard (page and print)
 * and the monthly report (page, print and .xlsx, which show the same cells). Cell ids: {@code T:<indicator>} the
 * region's value, {@code B:<indicator>} the month before (report), {@code U:<code>:<indicator>} a child region's row,
 * {@code P:<sex>:<band>} a bar of the age pyramid, {@code E:<policy>} entitlements of a policy, {@code C:<code>} a
 * community's elders 80+ in the care-gap list, {@code G:}/{@code S:<policy>:<region>} entitlements granted/stopped.
 */
final class PageDisclosures {

    private static final Indicator[] AGE_COUNTS = {Indicator.ELDERS_60, Indicator.ELDERS_65, Indicator.ELDERS_80,
            Indicator.ELDERS_90, Indicator.ELDERS_100};
    private static final int[] AGE_OF = {60, 65, 80, 90, 100};
    private static final Indicator[] UNIT_COUNTS = {Indicator.ELDERS_60, Indicator.ELDERS_80,
            Indicator.ACTIVE_ENTITLEMENTS, Indicator.VISIT_ROSTER, Indicator.VISIT_UNVISITED_3M};
    /** The visit rates and the roster counts they come from (a rate times its roster gives back the visited). */
    private static final Indicator[][] VISIT_RATES = {{Indicator.VISIT_RATE_HIGH}, {Indicator.VISIT_RATE_MEDIUM},
            {Indicator.VISIT_RATE_LOW}};
    /** The counts of people of the dashboard's home-care table, one row per child region. */
    private static final Indicator[] HOME_CARE_UNIT_COUNTS = {Indicator.HOME_CARE_BUDGET_ELDERS,
            Indicator.PURCHASED_SERVICE_ELDERS};

    private PageDisclosures() {
    }

    static String band(int sex, int band) {
        return "P:" + sex + ":" + band;
    }

    static String unit(String code, Indicator indicator) {
        return "U:" + code + ":" + indicator;
    }

    static String unvisitedKey(String communityCode) {
        return "unvisited:" + communityCode;
    }

    static String gapKey(String communityCode) {
        return "gap:" + communityCode;
    }

    static String staffingKey(String streetCode) {
        return "staff:" + streetCode;
    }

    static Disclosure dashboard(Dashboard d, boolean manager) {
        Disclosure x = new Disclosure(manager);
        regionCounts(x, "T:", d.sheet());
        for (int sex = Figures.MALE; sex <= Figures.FEMALE; sex++) {
            for (int i = 0; i < Figures.AGES.length; i++) {
                x.count(band(sex, i), d.total().band(sex, i));
            }
        }
        for (int k = 0; k < AGE_COUNTS.length; k++) {
            List<String> bands = new ArrayList<>();
            for (int i = Figures.ageIndex(AGE_OF[k]); i < Figures.AGES.length; i++) {
                bands.add(band(Figures.MALE, i));
                bands.add(band(Figures.FEMALE, i));
            }
            x.relation("T:" + AGE_COUNTS[k], bands);
        }
        units(x, d.units().stream().map(u -> new Unit(u.region(), u.sheet())).toList());
        if (!d.units().isEmpty()) {
            for (Indicator indicator : HOME_CARE_UNIT_COUNTS) {
                List<String> parts = new ArrayList<>();
                for (Dashboard.UnitRow u : d.units()) {
                    String id = unit(u.region().code(), indicator);
                    x.count(id, u.sheet().get(indicator));
                    parts.add(id);
                }
                x.relation("T:" + indicator, parts);
            }
        }

        List<String> policies = new ArrayList<>();
        d.total().entitlementsByPolicy.forEach((policy, n) -> {
            x.count("E:" + policy, n);
            policies.add("E:" + policy);
        });
        x.relation("T:" + Indicator.ACTIVE_ENTITLEMENTS, policies);

        careGaps(x, d);
        unvisited(x, d.region(), d.units().stream().map(u -> u.region()).toList(), d.unvisitedByCommunity());
        for (StreetStaffing.Row row : d.staffing()) {
            if (!row.street()) {
                continue;
            }
            String street = row.streetCode();
            x.share(staffingKey(street), street.equals(d.region().code())
                    ? List.of("T:" + Indicator.ELDERS_60, "T:" + Indicator.ELDERS_60_LOCAL)
                    : List.of(unit(street, Indicator.ELDERS_60), unit(street, Indicator.ELDERS_60_LOCAL)));
        }
        return x.protect();
    }

    static Disclosure report(MonthlyReport r, boolean manager) {
        Disclosure x = new Disclosure(manager);
        regionCounts(x, "T:", r.sheet());
        regionCounts(x, "B:", r.previous());
        units(x, r.units().stream().map(u -> new Unit(u.region(), u.sheet())).toList());
        unvisited(x, r.region(), r.units().stream().map(MonthlyReport.UnitLine::region).toList(),
                r.unvisitedByCommunity());
        for (MonthlyReport.EntitlementChange change : r.entitlementChanges()) {
            x.count(granted(change), change.granted());
            x.count(stopped(change), change.stopped());
        }
        return x.protect();
    }

    static String granted(MonthlyReport.EntitlementChange change) {
        return "G:" + change.policy() + ":" + change.regionCode();
    }

    static String stopped(MonthlyReport.EntitlementChange change) {
        return "S:" + change.policy() + ":" + change.regionCode();
    }

    private record Unit(RegionView region, IndicatorSheet sheet) {
    }

    /** A sheet's counts of people as cells, and its shares and rates tied to the counts they come from. */
    private static void regionCounts(Disclosure x, String prefix, IndicatorSheet sheet) {
        for (Indicator indicator : Indicator.values()) {
            if (indicator.unit() == Indicator.Unit.PEOPLE) {
                x.count(prefix + indicator, sheet.get(indicator));
            }
        }
        shares(x, prefix, sheet);
    }

    private static void shares(Disclosure x, String prefix, IndicatorSheet sheet) {
        List<String> elders60 = List.of(prefix + Indicator.ELDERS_60);
        List<String> local60 = List.of(prefix + Indicator.ELDERS_60, prefix + Indicator.ELDERS_60_LOCAL);
        x.share(sheet.get(Indicator.AGING_RATIO), local60);
        x.share(sheet.get(Indicator.AGING_RATIO_REGISTERED), local60);
        x.share(sheet.get(Indicator.BEDS_PER_THOUSAND), elders60);
        x.share(sheet.get(Indicator.INSTITUTION_BEDS_PER_THOUSAND), elders60);
        IndicatorValue poverty = sheet.get(Indicator.EXTREME_POVERTY_CONCENTRATED);
        x.share(poverty, List.of(), poverty.numerator(), poverty.denominator());
        IndicatorValue occupancy = sheet.get(Indicator.OCCUPANCY);      // occupied beds are residents
        x.share(occupancy, List.of(), occupancy.numerator());
        // the visit rate: hidden with its roster, or when the visited or the not visited are 1 to 4
        IndicatorValue rate = sheet.get(Indicator.VISIT_RATE);
        x.share(rate, List.of(prefix + Indicator.VISIT_ROSTER), rate.numerator(),
                rate.denominator() - rate.numerator());
        for (Indicator[] tier : VISIT_RATES) {
            IndicatorValue v = sheet.get(tier[0]);
            x.share(v, List.of(prefix + Indicator.VISIT_ROSTER), v.numerator(), v.denominator(),
                    v.denominator() - v.numerator());
        }
    }

    /** The child rows: their counts add up to the region's. */
    private static void units(Disclosure x, List<Unit> units) {
        if (units.isEmpty()) {
            return;
        }
        for (Indicator indicator : UNIT_COUNTS) {
            List<String> parts = new ArrayList<>();
            for (Unit u : units) {
                String id = unit(u.region().code(), indicator);
                x.count(id, u.sheet().get(indicator));
                parts.add(id);
            }
            x.relation("T:" + indicator, parts);
        }
        for (Unit u : units) {
            String prefix = "U:" + u.region().code() + ":";
            shares(x, prefix, u.sheet());
        }
    }

    /**
     * The communities with elders on the roster not visited in three months, with their counts (all of them, so a
     * community not listed has none): the region itself, one of its child rows, or (on a district's page) a
     * community of a street, whose listed communities add up to the street's row.
     */
    private static void unvisited(Disclosure x, RegionView region, List<RegionView> units,
                                  Map<String, Long> byCommunity) {
        Set<String> unitCodes = new HashSet<>();
        units.forEach(u -> unitCodes.add(u.code()));
        Map<String, List<String>> partsOf = new java.util.LinkedHashMap<>();
        byCommunity.forEach((code, n) -> {
            if (n == 0) {
                return;
            }
            String id;
            if (code.equals(region.code())) {
                id = "T:" + Indicator.VISIT_UNVISITED_3M;
            } else if (unitCodes.contains(code)) {
                id = unit(code, Indicator.VISIT_UNVISITED_3M);
            } else {
                id = "N:" + code;
                x.count(id, n);
                for (RegionView u : units) {
                    if (code.startsWith(u.code().substring(0, u.level().significantDigits()))) {
                        partsOf.computeIfAbsent(u.code(), k -> new ArrayList<>()).add(id);
                    }
                }
            }
            x.alias(unvisitedKey(code), id);
        });
        partsOf.forEach((unitCode, parts) -> x.relation(unit(unitCode, Indicator.VISIT_UNVISITED_3M), parts));
    }

    /**
     * The communities without day care or a meal point, with their elders 80+: the region itself, one of its child
     * rows, or (on a district's page) a community of a street whose other communities the page does not list.
     */
    private static void careGaps(Disclosure x, Dashboard d) {
        Set<String> unitCodes = new HashSet<>();
        d.units().forEach(u -> unitCodes.add(u.region().code()));
        Set<String> listed = new HashSet<>();
        for (Dashboard.CareGap gap : d.gaps()) {
            String code = gap.community().code();
            String id;
            if (code.equals(d.region().code())) {
                id = "T:" + Indicator.ELDERS_80;
            } else if (unitCodes.contains(code)) {
                id = unit(code, Indicator.ELDERS_80);
            } else {
                id = "C:" + code;
                x.count(id, gap.elders80());
                listed.add(code);
            }
            x.alias(gapKey(code), id);
        }
        if (listed.isEmpty() || d.region().level() == RegionLevel.COMMUNITY) {
            return;
        }
        for (Dashboard.UnitRow u : d.units()) {
            String prefix = u.region().code().substring(0, u.region().level().significantDigits());
            if (listed.stream().noneMatch(code -> code.startsWith(prefix))) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Long> community : d.elders80ByCommunity().entrySet()) {
                if (community.getKey().startsWith(prefix)) {
                    String id = "C:" + community.getKey();
                    x.unseen(id, community.getValue());
                    parts.add(id);
                }
            }
            x.relation(unit(u.region().code(), Indicator.ELDERS_80), parts);
        }
    }
}
