package org.yinling.homecare;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A provider under contract with a district, with the communities it serves. */
public record Provider(long id, String name, String creditCode, ProviderKind kind, String regionCode, LocalDate contractFrom,
                LocalDate contractTo, String payeeBank, String payeeAccount, String contactName, String contactPhone,
                ProviderStatus status, long lockVersion, List<String> communities) {

    /** Whether the contract has ended before the day. */
    public boolean expiredOn(LocalDate day) {
        return contractTo.isBefore(day);
    }

    /** Whether the contract starts after the day. */
    public boolean notYetStartedOn(LocalDate day) {
        return contractFrom.isAfter(day);
    }

    /** Days from the day to the contract's last day (0 on the last day). */
    public long daysLeftOn(LocalDate day) {
        return ChronoUnit.DAYS.between(day, contractTo);
    }
}
