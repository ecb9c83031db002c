package org.yinling.elder;

import java.time.LocalDate;

/** A capability assessment was recorded; {@code level} is the elder's current level (0–4). */
public record ElderAssessed(long elderId, long assessmentId, LocalDate assessedOn, int level) {
}
