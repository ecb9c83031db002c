package org.yinling.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.multipart.MultipartFile;

/** Spreadsheet files in and out over HTTP: uploads kept as temporary files, downloads as .xlsx attachments. */
public final class Uploads {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int FILE_NAME_LENGTH = 255;

    private Uploads() {
    }

    /** The upload on disk, so that it can be read as a stream after the request (and never whole in memory). */
    public static Path copyToTempFile(MultipartFile file, String prefix) {
        try {
            Path copy = Files.createTempFile(prefix, ".upload");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name without any client-side directory (some browsers send it), cut from the front to keep the extension. */
    public static String fileName(String original) {
        String name = original == null ? "" : original.substring(Math.max(original.lastIndexOf('/'),
                original.lastIndexOf('\\')) + 1).strip();
        return name.length() <= FILE_NAME_LENGTH ? name : name.substring(name.length() - FILE_NAME_LENGTH);
    }

    public static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    /** Prepares the response for an .xlsx download named {@code fileName} (any characters, RFC 5987 encoded). */
    public static void xlsxAttachment(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
    }
}
