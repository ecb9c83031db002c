package org.yinling.elder;

import jakarta.validation.constraints.NotNull;
import org.springframework.web.multipart.MultipartFile;

/** The upload form: which kind of list, and the file. */
record StatusImportForm(@NotNull StatusImportKind kind, MultipartFile file) {

    static StatusImportForm blank() {
        return new StatusImportForm(null, null);
    }
}
