package org.yinling.subsidy;

import java.time.Instant;

/** A document noted with an application; {@code fileName} is null when no file was uploaded. */
public record AttachmentRecord(long id, long applicationId, DocumentType documentType, String documentNumber, String fileName,
                        String contentType, Integer sizeBytes, Instant createdAt, String createdBy) {

    public boolean hasFile() {
        return fileName != null;
    }
}
