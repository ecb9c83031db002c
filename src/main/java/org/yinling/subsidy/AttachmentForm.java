package org.yinling.subsidy;

import jakarta.validation.constraints.Size;

/** A document added to an application on its detail page; the file comes as a separate multipart part. */
record AttachmentForm(DocumentType documentType, @Size(max = 60) String documentNumber) {

    static AttachmentForm blank() {
        return new AttachmentForm(null, "");
    }
}
