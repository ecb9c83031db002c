package org.yinling.payment;

/**
 * A source of holds on the lines a payment batch pays to organisations: which payee's lines of a kind and month are
 * not paid, and why. A module that decides such a consequence (supervision: an open red finding withholds an
 * institution's operating subsidy) implements it as a bean; the batch generator writes a line an
 * {@link OrganisationPayments} source offers only when no hold matches it, and writes a held line to
 * {@code payment_withheld_line} instead (with the amount and residents it would have paid, and the reason), in the
 * same statement. A generated batch keeps its holds as they were; the payment module never reads the source's tables.
 *
 * <p>The select returns one row per hold, with exactly these columns (names and types):
 * <ul>
 *   <li>{@code payee_kind} text ({@link OrganisationPayments.PayeeKind}), {@code payee_id} bigint, {@code kind} text,
 *       {@code month} date: the line held (as an {@link OrganisationPayments} source offers it);</li>
 *   <li>{@code reason} text: a code; the batch page shows the message {@code payment.withheld.reason.<code>};</li>
 *   <li>{@code reference_id} bigint: what the reason refers to (e.g. the finding), or NULL;</li>
 *   <li>{@code detail_zh}, {@code detail_en} text: a short description of it in both languages;</li>
 *   <li>{@code since} date: since when the reason holds.</li>
 * </ul>
 * At most one row per line held: a line held for two reasons keeps one of them.
 */
public interface PaymentHolds {

    /** The select of this source's holds for a batch (named parameters; {@link OrganisationPayments.Lines#RESERVED} excepted). */
    OrganisationPayments.Lines holds(OrganisationPayments.Scope batch);
}
