package org.yinling.elder;

/**
 * An elder's record was corrected through the form (economic status, living arrangement, income, hukou or any other
 * field): modules that depend on those facts (subsidy entitlements) re-evaluate them.
 */
public record ElderUpdated(long elderId) {
}
