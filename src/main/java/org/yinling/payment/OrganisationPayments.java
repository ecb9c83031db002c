package org.yinling.payment;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A source of lines a payment batch pays to organisations (an institution's operating subsidy or construction grant,
 * a meal point's settlement, later a home-care provider's settlement). The module that owns the rule implements it
 * as a bean; the batch generator finds every bean and writes each source's lines with one set-based statement of its
 * own: {@code INSERT INTO payment_payee_line … SELECT … FROM (}<i>the source's select</i>{@code ) … ON CONFLICT DO
 * NOTHING}. The payment module never reads the source's tables, and the source never reads payment's.
 *
 * <p>The select returns one row per line, or one row per resident behind a line (the line's amount is then the sum of
 * its rows), with exactly these columns (names and types):
 * <ul>
 *   <li>{@code payee_kind} text: {@link PayeeKind#INSTITUTION}, {@link PayeeKind#MEAL_POINT} or
 *       {@link PayeeKind#PROVIDER} (a home-care provider);</li>
 *   <li>{@code payee_id} bigint: the institution or the meal point paid;</li>
 *   <li>{@code kind} text: {@code OPERATING}, {@code CONSTRUCTION}, {@code MEAL} or {@code HOME_CARE} (the kinds a payee line may have);</li>
 *   <li>{@code month} date: the first day of the month the line pays for;</li>
 *   <li>{@code payee_name}, {@code community_code}, {@code payee_bank}, {@code payee_account} text: as of now;</li>
 *   <li>{@code source} text: what the line pays, unique among the lines of all sources in one batch month; it becomes
 *       the line's reference after the batch month ({@code 202406-} + source), so it starts with a letter of its
 *       own. The rows of one line agree on all the columns above (payment groups them by {@code source});</li>
 *   <li>{@code grant_id} bigint: the construction grant a {@code CONSTRUCTION} line pays, else NULL;</li>
 *   <li>{@code amount} numeric: the row's amount; a line whose rows sum to zero or less is not paid;</li>
 *   <li>{@code elder_id} bigint, {@code elder_name}, {@code resident_id}, {@code category} text, {@code days} integer:
 *       the resident of the row (kept with the line as its snapshot), or all NULL when the line has none.</li>
 * </ul>
 *
 * <p>Exactly once: the select may offer a line that was paid before (it need not know); the unique indexes of
 * {@code payment_payee_line} (one line per payee, kind and month, and one per grant, unless it failed) turn it into
 * nothing, and its residents are written only with a line that was written.
 */
public interface OrganisationPayments {

    /** The select of this source's lines for a batch. */
    Lines lines(Scope batch);

    /**
     * The batch asking: its month, and the pattern ({@code LIKE}) of the community codes of its district.
     */
    record Scope(LocalDate batchMonth, String communityPattern) {
    }

    /**
     * A select with named parameters ({@code :name}); the names {@link #RESERVED} are the payment module's own.
     */
    record Lines(String select, Map<String, ?> parameters) {

        public static final Set<String> RESERVED = Set.of("paymentBatchId", "paymentReferencePrefix");

        public Lines {
            parameters = Collections.unmodifiableMap(new HashMap<>(parameters));
            for (String name : parameters.keySet()) {
                if (RESERVED.contains(name)) {
                    throw new IllegalArgumentException("parameter name reserved by the payment module: " + name);
                }
            }
        }
    }

    /** Who a line pays. */
    enum PayeeKind {
        INSTITUTION, MEAL_POINT, PROVIDER
    }
}
