package org.yinling.elder;

import java.time.OffsetDateTime;

/** An import as stored: its state and counts. */
public record ElderImport(long id, String fileName, String mode, String state, String scopePrefix, String createdBy,
                          OffsetDateTime createdAt, int rowsRead, int newCount, int updateCount, int skipCount,
                          int errorCount, String failureKey, String failureArg, OffsetDateTime importedAt,
                          long version) {

    public boolean reading() {
        return "READING".equals(state);
    }

    public boolean validated() {
        return "VALIDATED".equals(state);
    }

    public String stateKey() {
        return "import.state." + state;
    }

    public String modeKey() {
        return "import.mode." + mode;
    }
}
