package org.yinling.subsidy;

import java.time.Instant;

/** A document noted with an application; {@code fileName} is null when no file was uploaded. */
public record AttachmentRecord(long id, long applicationId, DocumentType documentType, String documentNumber, String fileName,
                        String contentType, Integer sizeBytes, Instant createdAt, String createdBy) {

    /** The same document with its number as {@code shown} (masked for a user who may not see it in full). */
    AttachmentRecord withDocumentNumber(String shown) {
        return new AttachmentRecord(id, applicationId, documentType, shown, fileName, contentType, sizeBytes, createdAt,
                createdBy);
    }

    public boolean hasFile() {
        return fileName != null;
    }
}
