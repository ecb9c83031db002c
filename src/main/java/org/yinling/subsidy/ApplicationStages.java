package org.yinling.subsidy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.yinling.account.Role;

/** Which stages are open, and which role acts at which stage of the review chain. */
public final class ApplicationStages {

    public static final Set<ApplicationStage> OPEN = EnumSet.of(ApplicationStage.RETURNED, ApplicationStage.STREET_REVIEW,
            ApplicationStage.DISTRICT_REVIEW, ApplicationStage.PUBLICITY);

    /**
     * {@link #OPEN} as an SQL condition over {@code subsidy_application.stage}:
     * {@code stage IN ('RETURNED', 'STREET_REVIEW', 'DISTRICT_REVIEW', 'PUBLICITY')}. It is the predicate of the partial
     * unique index {@code subsidy_application_open_uq} (V9, one open application per elder and policy code), so every
     * statement that means "open" writes it this way: the index then serves it, and {@code ON CONFLICT … WHERE} infers
     * the index from it. Put it where {@code stage} can only be the application's column. A test compares it with the
     * index's definition in the database.
     */
    public static final String OPEN_CONDITION = OPEN.stream().map(stage -> "'" + stage.name() + "'")
            .collect(Collectors.joining(", ", "stage IN (", ")"));

    private ApplicationStages() {
    }

    /** The stage whose queue belongs to the role: RETURNED for the community, the reviews for street and district. */
    public static Optional<ApplicationStage> queueOf(Role role) {
        return switch (role) {
            case COMMUNITY_CLERK -> Optional.of(ApplicationStage.RETURNED);
            case STREET_REVIEWER -> Optional.of(ApplicationStage.STREET_REVIEW);
            case DISTRICT_STAFF -> Optional.of(ApplicationStage.DISTRICT_REVIEW);
            default -> Optional.empty();
        };
    }

    /**
     * Whether the role may take a review decision at the stage: the street at street review, the district at district
     * review, and the district during publicity for an objection (reject or return, never a second approval).
     */
    public static boolean mayDecide(Role role, ApplicationStage stage, DecisionAction action) {
        return mayDecide(ReviewChain.FULL, role, stage, action);
    }

    /**
     * Whether the role may take a review decision at the stage of an application whose policy has {@code chain}: the
     * street at street review, the district at district review, each only where the chain has that review; during
     * publicity the reviewer of the chain's final review for an objection (reject or return, never an approval).
     */
    public static boolean mayDecide(ReviewChain chain, Role role, ApplicationStage stage, DecisionAction action) {
        if (!chain.includes(stage)) {
            return false;
        }
        return switch (stage) {
            case STREET_REVIEW, DISTRICT_REVIEW -> role == chain.roleAt(stage);
            case PUBLICITY -> role == chain.roleAt(stage) && action != DecisionAction.APPROVE;
            default -> false;
        };
    }

    /** The review stage a role decides at, if it is one of the chain's (the community and others: none). */
    public static Optional<ApplicationStage> reviewOf(Role role) {
        return switch (role) {
            case STREET_REVIEWER -> Optional.of(ApplicationStage.STREET_REVIEW);
            case DISTRICT_STAFF -> Optional.of(ApplicationStage.DISTRICT_REVIEW);
            default -> Optional.empty();
        };
    }

    /** Where an approval leads in the full chain (construction grants; a policy's chain: {@link ReviewChain}). */
    public static ApplicationStage afterApproval(ApplicationStage stage) {
        return switch (stage) {
            case STREET_REVIEW -> ApplicationStage.DISTRICT_REVIEW;
            case DISTRICT_REVIEW -> ApplicationStage.PUBLICITY;
            default -> throw new IllegalStateException("No approval at " + stage);
        };
    }
}
