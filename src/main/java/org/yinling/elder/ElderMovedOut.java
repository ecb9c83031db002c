package org.yinling.elder;

import java.time.LocalDate;

/** An elder moved out of the district on {@code date}; subsidies stop from the following month. */
public record ElderMovedOut(long elderId, LocalDate date) {
}
