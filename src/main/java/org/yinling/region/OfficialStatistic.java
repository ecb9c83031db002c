package org.yinling.region;

import java.time.LocalDate;

/**
 * A region's official statistics for a year (issue 21 §4): 户籍 population and 户籍 elders 60+ (and 80+, when
 * published), with where they come from and when they were published. Where a region has them, the dashboard's ratios
 * use them as the denominator.
 */
public record OfficialStatistic(String regionCode, int year, long registeredPopulation, long elders60, Long elders80,
                                String source, LocalDate publishedOn) {
}
