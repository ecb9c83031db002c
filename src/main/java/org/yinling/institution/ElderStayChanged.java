package org.yinling.institution;

/**
 * An elder was admitted to an institution ({@code admitted}) or discharged from one, in the transaction of that
 * change; rules that depend on where an elder lives (the visit roster's "not in an institution") follow at once.
 */
public record ElderStayChanged(long elderId, boolean admitted) {
}
