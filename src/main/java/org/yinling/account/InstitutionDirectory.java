package org.yinling.account;

import java.util.List;
import java.util.Optional;

/**
 * The care institutions an institution manager may be bound to, as user administration needs them (issue 23). The
 * institution module offers it; without that module there is none to choose.
 */
public interface InstitutionDirectory {

    /** An institution to choose: its id and name. */
    record Option(long id, String name) {
    }

    /** Every institution that is not closed, by name. */
    List<Option> institutions();

    /** The district (12-digit code) the institution lies in, or empty when there is no such institution. */
    Optional<String> districtOf(long institutionId);

    /** The names of the institutions with these ids. */
    java.util.Map<Long, String> namesOf(java.util.Collection<Long> institutionIds);
}
