package org.yinling.subsidy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.web.multipart.MultipartFile;

/** Files noted with an application: PDF, JPEG or PNG up to 10 MB, recognised by their first bytes, not their name. */
final class AttachmentFiles {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final int FILE_NAME_LENGTH = 200;

    private AttachmentFiles() {
    }

    static boolean present(MultipartFile file) {
        return file != null && !file.isEmpty();
    }

    /** The content type the bytes show (application/pdf, image/jpeg, image/png), or empty for anything else. */
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

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name without any client-side directory, cut from the front to keep the extension. */
    static String fileName(String original) {
        String name = original == null ? "" : original.substring(Math.max(original.lastIndexOf('/'),
                original.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() <= FILE_NAME_LENGTH ? name : name.substring(name.length() - FILE_NAME_LENGTH);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
