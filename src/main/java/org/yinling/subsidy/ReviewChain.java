package org.yinling.subsidy;

import java.util.ArrayList;
import java.util.List;

import org.yinling.account.Role;

/**
 * The review chain a policy chose (issue 21 §2): community acceptance (社区受理) always comes first; street review
 * (街道初审), district approval (区审批) and publicity (公示) are each optional, but at least one of the two reviews
 * decides. Seed 003 devolves the 长寿补贴 approval to township and community level (community → street → publicity);
 * every policy made before the chain was configurable keeps the full chain ({@link #FULL}).
 *
 * @param publicityDays the publicity length of the policy, or null for the global setting
 *                      ({@code yinling.subsidy.publicity-days}, 7 days)
 */
public record ReviewChain(boolean streetReview, boolean districtReview, boolean publicity, Integer publicityDays) {

    /** 社区受理 → 街道初审 → 区审批 → 公示: the chain of every policy before issue 21. */
    public static final ReviewChain FULL = new ReviewChain(true, true, true, null);

    /** The longest publicity a policy may set, in days. */
    public static final int MAX_PUBLICITY_DAYS = 60;

    /** No publicity length without publicity. */
    public ReviewChain {
        if (!publicity) {
            publicityDays = null;
        }
    }

    /** At least one of the two reviews decides, and a publicity length lies in 1 … {@value #MAX_PUBLICITY_DAYS}. */
    public boolean valid() {
        return (streetReview || districtReview)
                && (publicityDays == null || (publicityDays >= 1 && publicityDays <= MAX_PUBLICITY_DAYS));
    }

    /** Whether an application of the policy can ever be at the stage (the closing stages and RETURNED always). */
    public boolean includes(ApplicationStage stage) {
        return switch (stage) {
            case STREET_REVIEW -> streetReview;
            case DISTRICT_REVIEW -> districtReview;
            case PUBLICITY -> publicity;
            default -> true;
        };
    }

    /** Where a registered (or resubmitted) application waits first: the street's review, else the district's. */
    public ApplicationStage firstReview() {
        return streetReview ? ApplicationStage.STREET_REVIEW : ApplicationStage.DISTRICT_REVIEW;
    }

    /** The review whose approval grants (tier and amount fixed, approval date set): the district's, else the street's. */
    public ApplicationStage finalReview() {
        return districtReview ? ApplicationStage.DISTRICT_REVIEW : ApplicationStage.STREET_REVIEW;
    }

    /** Where an approval at {@code stage} leads: the next review, publicity, or APPROVED (an entitlement at once). */
    public ApplicationStage afterApproval(ApplicationStage stage) {
        if (stage == ApplicationStage.STREET_REVIEW && streetReview && districtReview) {
            return ApplicationStage.DISTRICT_REVIEW;
        }
        if (stage == finalReview() && includes(stage)) {
            return publicity ? ApplicationStage.PUBLICITY : ApplicationStage.APPROVED;
        }
        throw new IllegalStateException("No approval at " + stage + " in " + this);
    }

    /** Who decides at a review stage; during publicity the reviewer of the final review hears objections. */
    public Role roleAt(ApplicationStage stage) {
        return switch (stage) {
            case STREET_REVIEW -> Role.STREET_REVIEWER;
            case DISTRICT_REVIEW -> Role.DISTRICT_STAFF;
            case PUBLICITY -> roleAt(finalReview());
            default -> null;
        };
    }

    /** The stages after community acceptance, in order (the chain in words: each has a message key). */
    public List<ApplicationStage> stages() {
        List<ApplicationStage> stages = new ArrayList<>();
        for (ApplicationStage stage : List.of(ApplicationStage.STREET_REVIEW, ApplicationStage.DISTRICT_REVIEW,
                ApplicationStage.PUBLICITY)) {
            if (includes(stage)) {
                stages.add(stage);
            }
        }
        return stages;
    }

    /** The publicity length in days: the policy's own, else {@code defaultDays}. */
    public int publicityDaysOr(int defaultDays) {
        return publicityDays == null ? defaultDays : publicityDays;
    }

    /**
     * "Stage {@code to} is in the application's policy chain" as an SQL condition over {@code subsidy_application}
     * (the column {@code policy_id} unqualified or qualified by {@code alias}), the stage as one positional
     * parameter ({@code ?}). Every statement that moves an application into a review stage carries it, so a stage the
     * policy left out is refused by the database as well as by the service.
     */
    static String sqlIncludes(String policyIdColumn) {
        // a leading space: callers append it to a text block, whose trailing spaces are stripped
        return " " + """
                EXISTS (SELECT 1 FROM subsidy_policy cp WHERE cp.id = %s
                        AND CASE CAST(? AS varchar) WHEN 'STREET_REVIEW' THEN cp.street_review
                                 WHEN 'DISTRICT_REVIEW' THEN cp.district_review
                                 WHEN 'PUBLICITY' THEN cp.publicity ELSE TRUE END)""".formatted(policyIdColumn);
    }
}
