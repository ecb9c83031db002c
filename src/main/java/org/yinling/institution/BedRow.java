package org.yinling.institution;

import java.time.LocalDate;

/** A bed with its state: occupied when it has an open stay (then the stay and elder are given), else free or reserved. */
public record BedRow(long id, String room, String label, boolean nursing, boolean reserved, Long stayId, Long elderId,
                     String elderName, LocalDate admittedOn) {

    public String stateKey() {
        return stayId != null ? "institution.bed.OCCUPIED" : reserved ? "institution.bed.RESERVED" : "institution.bed.FREE";
    }

    /** Occupied by an elder the user may not see (of another region): shown as occupied, without who. */
    public boolean hiddenOccupant() {
        return stayId != null && elderId == null;
    }

    public boolean free() {
        return stayId == null && !reserved;
    }
}
