package org.yinling.elder;

/** A new elder was entered in the registry. */
public record ElderRegistered(long elderId, String communityCode) {
}
