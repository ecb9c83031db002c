package org.yinling.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.web.multipart.MultipartFile;
import org.yinling.system.Uploads;

/**
 * Files kept as supervision evidence: JPEG or PNG photos and PDF documents up to {@value #MAX_MEGABYTES} MB, recognised
 * by their first bytes, never by the name or the type the browser claims. Inspection photos are images only.
 */
final class EvidenceFiles {

    static final int MAX_MEGABYTES = 8;
    static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024;
    private static final int FILE_NAME_LENGTH = 200;

    /** A checked file, ready to store. */
    record Checked(String fileName, String contentType, byte[] content) {

        boolean image() {
            return contentType.startsWith("image/");
        }
    }

    /** A file checked: either a file or the message key of the refusal. */
    record Outcome(Checked file, String error) {
    }

    private EvidenceFiles() {
    }

    static boolean present(MultipartFile file) {
        return file != null && !file.isEmpty();
    }

    /** Checks a present file: its size, and its kind by its bytes (images only when {@code imagesOnly}). */
    static Outcome check(MultipartFile file, boolean imagesOnly) {
        if (file.getSize() > MAX_BYTES) {
            return new Outcome(null, "instmgr.attachment.error.tooLarge");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<String> type = contentType(bytes);
        if (type.isEmpty() || (imagesOnly && !type.get().startsWith("image/"))) {
            return new Outcome(null, imagesOnly ? "instmgr.attachment.error.photoType" : "instmgr.attachment.error.type");
        }
        return new Outcome(new Checked(fileName(file.getOriginalFilename(), type.get()), type.get(), bytes), null);
    }

    /** The content type the bytes show (image/jpeg, image/png, application/pdf), or empty for anything else. */
    static Optional<String> contentType(byte[] bytes) {
        if (startsWith(bytes, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return Optional.of("application/pdf");
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    /** The name without client directories or control characters; a name by its kind when nothing is left. */
    static String fileName(String original, String contentType) {
        String name = Uploads.fileName(original).replaceAll("[\\p{Cntrl}<>\"\\\\/]", "").strip();
        if (name.isEmpty()) {
            name = switch (contentType) {
                case "application/pdf" -> "evidence.pdf";
                case "image/png" -> "photo.png";
                default -> "photo.jpg";
            };
        }
        return name.length() <= FILE_NAME_LENGTH ? name : name.substring(name.length() - FILE_NAME_LENGTH);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
