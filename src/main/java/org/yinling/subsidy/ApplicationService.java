package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.subsidy.rule.Frequency;
import org.yinling.subsidy.rule.RuleEvaluator;

/**
 * Applications and their review chain: registration by the community (社区受理), street review (街道初审), district
 * approval (区审批) into publicity (公示), returns, rejections and withdrawals. Every step is checked against the
 * user's role, region and the stage, changes the application only if nobody changed it since the user saw it
 * (lock_version), and appends one decision row and one audit event in the same transaction.
 */
@Service
class ApplicationService {

    static final String ENTITY = "subsidy_application";

    private final ApplicationStore store;
    private final PolicyStore policies;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;
    private final int publicityDays;
    private final TransactionTemplate perApplication;

    ApplicationService(ApplicationStore store, PolicyStore policies, Regions regions, AuditLog audit,
                       Clock clock, @Value("${yinling.subsidy.publicity-days:7}") int publicityDays,
                       PlatformTransactionManager transactions) {
        this.store = store;
        this.policies = policies;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
        this.publicityDays = publicityDays;
        this.perApplication = new TransactionTemplate(transactions);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The application if it is inside the user's region; 404 otherwise. */
    @Transactional(readOnly = true)
    ApplicationRecord load(long id, CurrentUser user) {
        return store.findInScope(id, user.scope()).orElseThrow(ApplicationNotFoundException::new);
    }

    /** Loads the application for its detail page and records that the user saw it. */
    @Transactional
    ApplicationRecord view(long id, CurrentUser user) {
        ApplicationRecord application = load(id, user);
        audit.record("APPLICATION_VIEWED", ENTITY, id, null);
        return application;
    }

    @Transactional(readOnly = true)
    ApplicationElder elderOf(ApplicationRecord application) {
        return store.elder(application.elderId(), regions.find(application.communityCode())
                        .map(RegionView::scope).orElseThrow())
                .orElseThrow(ApplicationNotFoundException::new);
    }

    Policy policyOf(ApplicationRecord application) {
        return policies.find(application.policyId()).orElseThrow();
    }

    /** The published policies in force today whose region covers the elder's community. */
    @Transactional(readOnly = true)
    List<Policy> availablePolicies(ApplicationElder elder) {
        List<String> path = regions.path(elder.communityCode()).stream().map(RegionView::code).toList();
        LocalDate today = today();
        List<Policy> available = new ArrayList<>();
        for (Policy latest : policies.latestVersions(path, elder.communityCode())) {
            policies.current(latest.code(), PolicyStatus.PUBLISHED)
                    .filter(policy -> policy.inForceOn(today) && covers(policy, elder.communityCode()))
                    .ifPresent(available::add);
        }
        return available;
    }

    private boolean covers(Policy policy, String communityCode) {
        return regions.find(policy.regionCode()).map(region -> region.scope().contains(communityCode)).orElse(false);
    }

    ApplicationExplanation explain(Policy policy, ApplicationElder elder) {
        return ApplicationExplanation.of(policy.rule(), elder.facts(), today());
    }

    /** Outcome of a registration: the new id, or the explanation when the elder does not qualify. */
    record Registration(Long createdId, ApplicationExplanation explanation) {
    }

    /** 社区受理: a community clerk registers an application for an elder of the community. */
    @Transactional
    Registration register(ApplicationForm form, MultipartFile file, Errors errors, CurrentUser user) {
        requireRole(user, Role.COMMUNITY_CLERK);
        if (errors.hasErrors()) {
            return new Registration(null, null);
        }
        Optional<ApplicationElder> found = store.elder(form.elderId(), user.scope());
        if (found.isEmpty()) {
            errors.rejectValue("elderId", "application.elder.unknown");
            return new Registration(null, null);
        }
        ApplicationElder elder = found.get();
        if (!elder.active()) {
            errors.reject("application.elderNotActive");
            return new Registration(null, null);
        }
        Optional<Policy> policy = policies.find(form.policyId())
                .filter(p -> p.inForceOn(today()) && covers(p, elder.communityCode()));
        if (policy.isEmpty()) {
            errors.rejectValue("policyId", "application.policy.unavailable");
            return new Registration(null, null);
        }
        if (store.hasActiveEntitlement(elder.id(), policy.get().code())) {
            errors.reject("application.entitlementExists");
            return new Registration(null, null);
        }
        if (store.hasOpenApplication(elder.id(), policy.get().code())) {
            errors.reject("application.openExists");
            return new Registration(null, null);
        }
        ApplicationExplanation explanation = explain(policy.get(), elder);
        if (!explanation.qualifies()) {
            errors.reject("application.notQualified");
            return new Registration(null, explanation);
        }
        checkPayee(form, policy.get(), errors);
        Attachment attachment = checkAttachment(form.documentType(), form.documentNumber(), file, errors);
        if (errors.hasErrors()) {
            return new Registration(null, explanation);
        }
        Optional<Long> id = store.insert(elder, policy.get(), ApplicationSource.COMMUNITY, explanation.tierIndex(),
                explanation.amount(), today(), form, user.getUsername());
        if (id.isEmpty()) {
            // someone registered the same elder and policy a moment ago: the unique index refused the second
            errors.reject("application.openExists");
            return new Registration(null, null);
        }
        store.insertDecision(id.get(), DecisionAction.SUBMIT, null, policy.get().chain().firstReview(),
                ApplicationForm.clean(form.notes()), user.getUsername());
        if (attachment != null) {
            saveAttachment(id.get(), attachment, user);
        }
        audit.record("APPLICATION_CREATED", ENTITY, id.get(), details("elderId", elder.id(), "policy",
                policy.get().code() + " v" + policy.get().version(), "tier", explanation.tierIndex(),
                "amount", explanation.amount()));
        return new Registration(id.get(), explanation);
    }

    private void checkPayee(ApplicationForm form, Policy policy, Errors errors) {
        if (policy.frequency() == Frequency.MONTHLY && (ApplicationForm.clean(form.payeeBank()) == null)
                != (ApplicationForm.clean(form.payeeAccount()) == null)) {
            errors.rejectValue(ApplicationForm.clean(form.payeeBank()) == null ? "payeeBank" : "payeeAccount",
                    "application.payee.incomplete");
        }
    }

    private record Attachment(DocumentType type, String number, String fileName, String contentType, byte[] content) {
    }

    private Attachment checkAttachment(DocumentType type, String number, MultipartFile file, Errors errors) {
        boolean hasFile = AttachmentFiles.present(file);
        if (type == null) {
            if (hasFile || ApplicationForm.clean(number) != null) {
                errors.rejectValue("documentType", "application.attachment.typeRequired");
            }
            return null;
        }
        if (!hasFile) {
            return new Attachment(type, ApplicationForm.clean(number), null, null, null);
        }
        if (file.getSize() > AttachmentFiles.MAX_BYTES) {
            errors.reject("application.attachment.tooLarge");
            return null;
        }
        byte[] bytes = AttachmentFiles.bytes(file);
        Optional<String> contentType = AttachmentFiles.contentType(bytes);
        if (contentType.isEmpty()) {
            errors.reject("application.attachment.fileType");
            return null;
        }
        return new Attachment(type, ApplicationForm.clean(number), AttachmentFiles.fileName(file.getOriginalFilename()),
                contentType.get(), bytes);
    }

    private void saveAttachment(long applicationId, Attachment attachment, CurrentUser user) {
        long id = store.insertAttachment(applicationId, attachment.type(), attachment.number(), attachment.fileName(),
                attachment.contentType(), attachment.content(), user.getUsername());
        audit.record("APPLICATION_ATTACHMENT_ADDED", ENTITY, applicationId, details("attachmentId", id,
                "type", attachment.type().name(), "number", attachment.number(), "file", attachment.fileName()));
    }

    /** A document added by the community while the application is with it or waiting for the street. */
    @Transactional
    boolean addAttachment(long id, DocumentType type, String number, MultipartFile file, Errors errors,
                          CurrentUser user) {
        ApplicationRecord application = load(id, user);
        if (!actions(application, user).contains(Action.ATTACH)) {
            errors.reject("application.decision.notYourStage");
            return false;
        }
        if (type == null) {
            errors.rejectValue("documentType", "application.attachment.typeRequired");
            return false;
        }
        Attachment attachment = checkAttachment(type, number, file, errors);
        if (errors.hasErrors() || attachment == null) {
            return false;
        }
        saveAttachment(id, attachment, user);
        return true;
    }

    /** Records that the user downloaded a file of an application they may see. */
    @Transactional
    ApplicationStore.AttachmentFile download(long id, long attachmentId, CurrentUser user) {
        load(id, user);
        ApplicationStore.AttachmentFile file = store.attachmentFile(id, attachmentId)
                .orElseThrow(ApplicationNotFoundException::new);
        audit.record("APPLICATION_ATTACHMENT_DOWNLOADED", ENTITY, id, details("attachmentId", attachmentId));
        return file;
    }

    /** What the user may do with the application now. */
    enum Action {
        APPROVE, REJECT, RETURN, RESUBMIT, WITHDRAW, ATTACH
    }

    Set<Action> actions(ApplicationRecord application, CurrentUser user) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        if (!user.scope().contains(application.communityCode())) {
            return actions;
        }
        Role role = user.getRole();
        ReviewChain chain = policyOf(application).chain();
        for (DecisionAction action : List.of(DecisionAction.APPROVE, DecisionAction.REJECT, DecisionAction.RETURN)) {
            if (ApplicationStages.mayDecide(chain, role, application.stage(), action)) {
                actions.add(Action.valueOf(action.name()));
            }
        }
        if (role == Role.COMMUNITY_CLERK) {
            if (application.stage() == ApplicationStage.RETURNED) {
                actions.add(Action.RESUBMIT);
            }
            if (application.open()) {
                actions.add(Action.WITHDRAW);
            }
            // documents until the first reviewer has acted
            if (application.stage() == ApplicationStage.RETURNED || application.stage() == chain.firstReview()) {
                actions.add(Action.ATTACH);
            }
        }
        return actions;
    }

    /**
     * A reviewer's decision (approve, reject with a reason, return with a reason). False with an error when it is not
     * the user's turn, a reason is missing, the elder no longer qualifies, or someone else decided first.
     */
    @Transactional
    boolean decide(long id, DecisionForm form, Errors errors, CurrentUser user) {
        ApplicationRecord application = load(id, user);
        if (errors.hasErrors()) {
            return false;
        }
        if (!Objects.equals(form.lockVersion(), application.lockVersion())) {
            errors.reject("application.changedByOthers");
            return false;
        }
        ReviewChain chain = policyOf(application).chain();
        Optional<ApplicationStage> ownReview = ApplicationStages.reviewOf(user.getRole());
        if (ownReview.isPresent() && !chain.includes(ownReview.get())) {
            // e.g. a district approval posted for a devolved allowance (community → street → publicity)
            errors.reject("application.decision.stageNotInChain." + ownReview.get().name());
            return false;
        }
        if (!ApplicationStages.mayDecide(chain, user.getRole(), application.stage(), form.action())) {
            errors.reject("application.decision.notYourStage");
            return false;
        }
        // submit, resubmit, withdraw and conclude have endpoints (or jobs) of their own
        if (!form.action().isReviewDecision()) {
            errors.rejectValue("action", "application.decision.notADecision");
            return false;
        }
        if (form.action() == DecisionAction.APPROVE && needsPayee(policyOf(application))) {
            // the reviewer may complete a missing payee inline (both or neither); it is written with the decision
            boolean bank = ApplicationForm.clean(form.payeeBank()) != null;
            boolean account = ApplicationForm.clean(form.payeeAccount()) != null;
            if (bank != account) {
                errors.rejectValue(bank ? "payeeAccount" : "payeeBank", "application.payee.incomplete");
                return false;
            }
            if (form.hasPayee() && (application.payeeBank() == null || application.payeeAccount() == null)) {
                if (!store.completePayee(application.id(), application.lockVersion(),
                        ApplicationForm.clean(form.payeeBank()), ApplicationForm.clean(form.payeeAccount()),
                        user.getUsername())) {
                    errors.reject("application.changedByOthers");
                    return false;
                }
                audit.record("APPLICATION_PAYEE_COMPLETED", ENTITY, application.id(),
                        details("payeeBank", ApplicationForm.clean(form.payeeBank())));
                application = load(id, user);
            }
        }
        return apply(application, form.action(), form.trimmedNote(), errors, user);
    }

    /**
     * Whether approval needs a payee account: a monthly cash subsidy is paid into it (a service budget is delivered
     * by providers, a one-off grant is not in the monthly batch).
     */
    static boolean needsPayee(Policy policy) {
        return policy.frequency() == Frequency.MONTHLY && !policy.serviceBudget();
    }

    private boolean apply(ApplicationRecord application, DecisionAction action, String note, Errors errors,
                          CurrentUser user) {
        ApplicationStage from = application.stage();
        ApplicationStage to;
        Integer tier = null;
        BigDecimal amount = null;
        LocalDate approvedOn = null;
        LocalDate publicityEnds = null;
        switch (action) {
            case APPROVE -> {
                ApplicationElder elder = elderOf(application);
                if (!elder.active()) {
                    errors.reject("application.elderNotActive");
                    return false;
                }
                if (needsPayee(policyOf(application))
                        && (application.payeeBank() == null || application.payeeAccount() == null)) {
                    // a cash subsidy approved without an account would stop at the bank list, months later
                    errors.reject("application.decision.payeeMissing");
                    return false;
                }
                ReviewChain chain = policyOf(application).chain();
                to = chain.afterApproval(from);
                if (from == chain.finalReview()) {
                    // the final review approves what applies today: tier and amount are evaluated again
                    ApplicationExplanation explanation = explain(policyOf(application), elder);
                    if (!explanation.qualifies()) {
                        errors.reject("application.decision.noLongerQualifies");
                        return false;
                    }
                    tier = explanation.tierIndex();
                    amount = explanation.amount();
                    approvedOn = today();
                    if (to == ApplicationStage.APPROVED
                            && store.hasActiveEntitlement(application.elderId(), application.policyCode())) {
                        // a chain without publicity grants at once: never a second entitlement of the code
                        errors.reject("application.entitlementExists");
                        return false;
                    }
                    if (to == ApplicationStage.PUBLICITY) {
                        publicityEnds = approvedOn.plusDays(chain.publicityDaysOr(publicityDays));
                    }
                }
            }
            case REJECT, RETURN -> {
                if (note == null) {
                    errors.rejectValue("note", "application.decision.reasonRequired");
                    return false;
                }
                to = action == DecisionAction.REJECT ? ApplicationStage.REJECTED : ApplicationStage.RETURNED;
            }
            default -> throw new IllegalArgumentException("Not a review decision: " + action);
        }
        if (!store.transition(application.id(), application.lockVersion(), from, to, tier, amount, approvedOn,
                publicityEnds, user.getUsername())) {
            errors.reject("application.changedByOthers");
            return false;
        }
        if (to == ApplicationStage.APPROVED && !store.grant(application.id(), user.getUsername())) {
            // checked above; only an entitlement granted at the same moment gets here: everything is rolled back
            throw new IllegalStateException("Application " + application.id() + ": an active entitlement exists");
        }
        store.insertDecision(application.id(), action, from, to, note, user.getUsername());
        audit.record("APPLICATION_DECIDED", ENTITY, application.id(), details("action", action.name(),
                "from", from.name(), "to", to.name(), "note", note, "tier", tier, "amount", amount));
        return true;
    }

    /** The community corrects a returned application (payee, notes) and sends it back to the street. */
    @Transactional
    boolean resubmit(long id, ApplicationForm form, Errors errors, CurrentUser user) {
        ApplicationRecord application = load(id, user);
        if (!actions(application, user).contains(Action.RESUBMIT)) {
            errors.reject("application.decision.notYourStage");
            return false;
        }
        if (!Objects.equals(form.lockVersion(), application.lockVersion())) {
            errors.reject("application.changedByOthers");
            return false;
        }
        checkPayee(form, policyOf(application), errors);
        if (errors.hasFieldErrors("payeeBank") || errors.hasFieldErrors("payeeAccount") || errors.hasFieldErrors("notes")) {
            return false;
        }
        ApplicationStage first = policyOf(application).chain().firstReview();
        if (!store.resubmit(id, application.lockVersion(), first, form, user.getUsername())) {
            errors.reject("application.changedByOthers");
            return false;
        }
        store.insertDecision(id, DecisionAction.RESUBMIT, ApplicationStage.RETURNED, first,
                ApplicationForm.clean(form.notes()), user.getUsername());
        audit.record("APPLICATION_RESUBMITTED", ENTITY, id, details("payeeBank", ApplicationForm.clean(form.payeeBank()),
                "notes", ApplicationForm.clean(form.notes())));
        return true;
    }

    /** The community withdraws an application that is not yet approved. */
    @Transactional
    boolean withdraw(long id, WithdrawalForm form, Errors errors, CurrentUser user) {
        ApplicationRecord application = load(id, user);
        if (errors.hasErrors()) {
            return false;
        }
        if (!actions(application, user).contains(Action.WITHDRAW)) {
            errors.reject("application.decision.notYourStage");
            return false;
        }
        if (!Objects.equals(form.lockVersion(), application.lockVersion())
                || !store.transition(id, application.lockVersion(), application.stage(), ApplicationStage.WITHDRAWN,
                null, null, null, null, user.getUsername())) {
            errors.reject("application.changedByOthers");
            return false;
        }
        store.insertDecision(id, DecisionAction.WITHDRAW, application.stage(), ApplicationStage.WITHDRAWN,
                form.trimmedNote(), user.getUsername());
        audit.record("APPLICATION_WITHDRAWN", ENTITY, id, details("from", application.stage().name(),
                "note", form.trimmedNote()));
        return true;
    }

    /**
     * Why the application is not a clean case for bulk approval, as a message key, or null when it is clean: the
     * elder is active, still qualifies today in the same tier, and a monthly policy has its payee.
     */
    String uncleanReason(ApplicationRecord application, ApplicationElder elder, Policy policy) {
        if (!elder.active()) {
            return "application.clean.elderNotActive";
        }
        int tier = RuleEvaluator.qualifyingTier(policy.rule(), elder.facts(), today());
        if (tier < 0) {
            return "application.clean.notQualified";
        }
        if (application.tierIndex() == null || tier != application.tierIndex()) {
            return "application.clean.tierChanged";
        }
        if (needsPayee(policy) && (application.payeeBank() == null || application.payeeAccount() == null)) {
            return "application.clean.payeeMissing";
        }
        return null;
    }

    /** One line of a bulk approval's report. */
    public record BulkLine(long id, String elderName, boolean approved, String messageKey) implements java.io.Serializable {
    }

    /**
     * Approves each checked application that is a clean case, one by one, each in its own transaction with its own
     * decision row and audit event; the others are skipped with the reason.
     */
    List<BulkLine> bulkApprove(List<String> items, CurrentUser user) {
        Map<Long, Long> versions = new LinkedHashMap<>();
        for (String item : items == null ? List.<String>of() : items) {
            String[] parts = item.split(":");
            if (parts.length == 2 && parts[0].matches("[0-9]{1,18}") && parts[1].matches("[0-9]{1,18}")) {
                versions.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        }
        List<BulkLine> report = new ArrayList<>();
        versions.forEach((id, version) -> report.add(perApplication.execute(status -> bulkApproveOne(id, version, user))));
        return report;
    }

    private BulkLine bulkApproveOne(long id, long version, CurrentUser user) {
        Optional<ApplicationRecord> found = store.findInScope(id, user.scope());
        if (found.isEmpty()) {
            return new BulkLine(id, null, false, "application.bulk.notFound");
        }
        ApplicationRecord application = found.get();
        ApplicationElder elder = elderOf(application);
        if (application.lockVersion() != version) {
            return new BulkLine(id, elder.name(), false, "application.changedByOthers");
        }
        if (!ApplicationStages.mayDecide(policyOf(application).chain(), user.getRole(), application.stage(),
                DecisionAction.APPROVE)) {
            return new BulkLine(id, elder.name(), false, "application.decision.notYourStage");
        }
        String unclean = uncleanReason(application, elder, policyOf(application));
        if (unclean != null) {
            return new BulkLine(id, elder.name(), false, unclean);
        }
        org.springframework.validation.MapBindingResult errors =
                new org.springframework.validation.MapBindingResult(new HashMap<>(), "bulk");
        if (!apply(application, DecisionAction.APPROVE, null, errors, user)) {
            return new BulkLine(id, elder.name(), false, errors.getAllErrors().get(0).getCode());
        }
        return new BulkLine(id, elder.name(), true, "application.bulk.approved");
    }

    private static void requireRole(CurrentUser user, Role role) {
        if (user.getRole() != role) {
            throw new AccessDeniedException("Only " + role + " may do this");
        }
    }

    static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                details.put((String) keysAndValues[i], keysAndValues[i + 1] instanceof BigDecimal b
                        ? b.toPlainString() : keysAndValues[i + 1]);
            }
        }
        return details;
    }
}
