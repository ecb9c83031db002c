package org.yinling.supervision;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yinling.account.CurrentUser;

/**
 * {@code /supervision/attachments/{id}}: one evidence file or inspection photo, for users who may see its finding or
 * inspection (404 for anyone else). Photos are shown inline (the finding page shows them), a PDF is downloaded; the
 * content type is the one the file's bytes showed when it was uploaded, never what the browser claimed.
 */
@Controller
class AttachmentController {

    private final Findings findings;

    AttachmentController(Findings findings) {
        this.findings = findings;
    }

    @GetMapping("/supervision/attachments/{id}")
    ResponseEntity<byte[]> file(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        AttachmentStore.FileContent file = findings.file(id, user);
        boolean image = file.contentType().startsWith("image/");
        ContentDisposition disposition = (image ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }
}
