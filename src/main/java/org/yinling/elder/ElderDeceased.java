package org.yinling.elder;

import java.time.LocalDate;

/** An elder died on {@code date}; subsidies stop from the following month. */
public record ElderDeceased(long elderId, LocalDate date) {
}
