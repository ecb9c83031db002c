package org.yinling.dashboard;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw counts behind the indicators, for one community or summed over many. Every number is counted from the
 * records ({@link FigureQueries}); a region's figures are the sum of its communities', never stored or typed.
 */
public final class Figures {

    /** Age thresholds of the age groups and of the pyramid's five-year bands (the last band is 100+). */
    static final int[] AGES = {60, 65, 70, 75, 80, 85, 90, 95, 100};
    static final int MALE = 0;
    static final int FEMALE = 1;

    /** elders at least AGES[i] years old, by sex */
    final long[][] atLeast = new long[2][AGES.length];
    /** elders 60+ with local 户籍 (the ageing ratio's numerator) */
    long local60;
    /** elders with local 户籍 at least AGES[i] years old (both sexes; the statistics export's age groups) */
    final long[] localAtLeast = new long[AGES.length];
    long activeElders;
    long extremePoverty;
    long extremePovertyInCare;
    long capability2to4;
    long population;
    long beds;
    long nursingBeds;
    long institutionBeds;
    /** nursing beds of institutions (养老机构): not of day-care centres nor of 幸福院 */
    long institutionNursingBeds;
    /** institutions (养老机构) whose nursing beds reach the NURSING_INSTITUTION_SHARE setting */
    long nursingInstitutions;
    long occupiedBeds;
    long caregivers;
    long certifiedCaregivers;
    /** elders served this month: at least one order confirmed by the elder (seed 002's 政府购买服务老人数) */
    long purchasedServiceElders;
    /** active entitlements of purchased-service and home-care policies */
    long purchasedServiceEntitlements;
    /** home care this month: elders with a budget, the budgets and the amounts of orders not cancelled or missed
     *  (in fen), visits confirmed, their seconds of service and those on time, call-backs recorded, delivered,
     *  complaints */
    long budgetElders;
    long budgetFen;
    long budgetUsedFen;
    long visits;
    long serviceSeconds;
    long onTimeVisits;
    long callbacks;
    long callbacksDelivered;
    long complaints;
    /** the month's visit roster and those visited, by risk tier (HIGH, MEDIUM, LOW); elders not visited in three months */
    final long[] rostered = new long[3];
    final long[] visited = new long[3];
    long unvisited3m;
    /** supervision (issue 23): institutions not closed, those inspected this year; findings open and overdue by
     *  severity (RED, ORANGE, YELLOW, BLUE); incidents this year */
    long supervisedInstitutions;
    long inspectedInstitutions;
    final long[] findingsOpen = new long[4];
    final long[] findingsOverdue = new long[4];
    long incidents;
    int communities;
    /** central urban communities (111, and 112 where the district counts them) and those with a day-care centre */
    int urbanCommunities;
    int urbanWithDayCare;
    /** rural communities (2xx) and those with a day-care centre, and those with a care facility or station */
    int ruralCommunities;
    int ruralWithDayCare;
    int ruralWithFacility;
    /** communities with a day-care centre (any class), with a care facility or station (any institution) */
    int withDayCare;
    int withFacility;
    /** streets and townships (summed regions only: {@code DashboardService.sum}) and those with a facility */
    int streets;
    int streetsWithFacility;
    int withMealPoint;
    /** the official statistics of the region these figures are of (never summed: a region's own, or none) */
    org.yinling.region.OfficialStatistic statistics;
    final Map<String, Long> entitlementsByPolicy = new TreeMap<>();
    final Map<String, BigDecimal> spendingByPolicy = new TreeMap<>();
    /** beds and nursing beds by institution kind ({@code institution.kind}): {beds, nursing beds} */
    final Map<String, long[]> bedsByKind = new TreeMap<>();

    static int ageIndex(int age) {
        for (int i = 0; i < AGES.length; i++) {
            if (AGES[i] == age) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an age threshold: " + age);
    }

    long atLeast(int age) {
        int i = ageIndex(age);
        return atLeast[MALE][i] + atLeast[FEMALE][i];
    }

    /** Elders in the five-year band starting at AGES[i] (the last band is open). */
    long band(int sex, int i) {
        return i + 1 < AGES.length ? atLeast[sex][i] - atLeast[sex][i + 1] : atLeast[sex][i];
    }

    public Map<String, Long> getEntitlementsByPolicy() {
        return entitlementsByPolicy;
    }

    public Map<String, BigDecimal> getSpendingByPolicy() {
        return spendingByPolicy;
    }

    public org.yinling.region.OfficialStatistic getStatistics() {
        return statistics;
    }

    public long getPopulation() {
        return population;
    }

    public int getCommunityCount() {
        return communities;
    }

    public int getDayCareCommunities() {
        return withDayCare;
    }

    /** The index of a risk tier in {@link #rostered} and {@link #visited}. */
    static int tier(String tier) {
        return switch (tier) {
            case "HIGH" -> 0;
            case "MEDIUM" -> 1;
            default -> 2;
        };
    }

    /** The communities of a count map with a count, most first, then by code. */
    static java.util.List<Map.Entry<String, Long>> mostFirst(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    /** Each community's elders not visited in three months. */
    static Map<String, Long> unvisited(Map<String, Figures> communities) {
        Map<String, Long> counts = new TreeMap<>();
        communities.forEach((code, f) -> counts.put(code, f.unvisited3m));
        return counts;
    }

    /** The index of a finding's severity in {@link #findingsOpen} and {@link #findingsOverdue}. */
    static int severity(String severity) {
        return switch (severity) {
            case "RED" -> 0;
            case "ORANGE" -> 1;
            case "YELLOW" -> 2;
            default -> 3;
        };
    }

    /** Open findings of a severity (0 red … 3 blue), for the supervision card. */
    public long findingsOpen(int severity) {
        return findingsOpen[severity];
    }

    public long findingsOverdue(int severity) {
        return findingsOverdue[severity];
    }

    long findingsOpenAll() {
        return findingsOpen[0] + findingsOpen[1] + findingsOpen[2] + findingsOpen[3];
    }

    long findingsOverdueAll() {
        return findingsOverdue[0] + findingsOverdue[1] + findingsOverdue[2] + findingsOverdue[3];
    }

    public long getSupervisedInstitutions() {
        return supervisedInstitutions;
    }

    public long getInspectedInstitutions() {
        return inspectedInstitutions;
    }

    long rosteredAll() {
        return rostered[0] + rostered[1] + rostered[2];
    }

    long visitedAll() {
        return visited[0] + visited[1] + visited[2];
    }

    long entitlements() {
        return entitlementsByPolicy.values().stream().mapToLong(Long::longValue).sum();
    }

    BigDecimal spending() {
        return spendingByPolicy.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    Figures add(Figures other) {
        for (int sex = 0; sex < 2; sex++) {
            for (int i = 0; i < AGES.length; i++) {
                atLeast[sex][i] += other.atLeast[sex][i];
            }
        }
        local60 += other.local60;
        for (int i = 0; i < AGES.length; i++) {
            localAtLeast[i] += other.localAtLeast[i];
        }
        activeElders += other.activeElders;
        extremePoverty += other.extremePoverty;
        extremePovertyInCare += other.extremePovertyInCare;
        capability2to4 += other.capability2to4;
        population += other.population;
        beds += other.beds;
        nursingBeds += other.nursingBeds;
        institutionBeds += other.institutionBeds;
        institutionNursingBeds += other.institutionNursingBeds;
        nursingInstitutions += other.nursingInstitutions;
        occupiedBeds += other.occupiedBeds;
        caregivers += other.caregivers;
        certifiedCaregivers += other.certifiedCaregivers;
        purchasedServiceElders += other.purchasedServiceElders;
        purchasedServiceEntitlements += other.purchasedServiceEntitlements;
        budgetElders += other.budgetElders;
        budgetFen += other.budgetFen;
        budgetUsedFen += other.budgetUsedFen;
        visits += other.visits;
        serviceSeconds += other.serviceSeconds;
        onTimeVisits += other.onTimeVisits;
        callbacks += other.callbacks;
        callbacksDelivered += other.callbacksDelivered;
        complaints += other.complaints;
        for (int t = 0; t < 3; t++) {
            rostered[t] += other.rostered[t];
            visited[t] += other.visited[t];
        }
        unvisited3m += other.unvisited3m;
        supervisedInstitutions += other.supervisedInstitutions;
        inspectedInstitutions += other.inspectedInstitutions;
        for (int v = 0; v < 4; v++) {
            findingsOpen[v] += other.findingsOpen[v];
            findingsOverdue[v] += other.findingsOverdue[v];
        }
        incidents += other.incidents;
        communities += other.communities;
        urbanCommunities += other.urbanCommunities;
        urbanWithDayCare += other.urbanWithDayCare;
        ruralCommunities += other.ruralCommunities;
        ruralWithDayCare += other.ruralWithDayCare;
        ruralWithFacility += other.ruralWithFacility;
        withDayCare += other.withDayCare;
        withFacility += other.withFacility;
        streets += other.streets;
        streetsWithFacility += other.streetsWithFacility;
        withMealPoint += other.withMealPoint;
        other.entitlementsByPolicy.forEach((policy, n) -> entitlementsByPolicy.merge(policy, n, Long::sum));
        other.spendingByPolicy.forEach((policy, amount) -> spendingByPolicy.merge(policy, amount, BigDecimal::add));
        other.bedsByKind.forEach((kind, beds) -> bedsByKind.merge(kind, beds.clone(),
                (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
        return this;
    }
}
