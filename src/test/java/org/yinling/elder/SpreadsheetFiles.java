package org.yinling.elder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import cn.idev.excel.FastExcel;

/** Real spreadsheet files for the import tests, written the way Excel and other programs write them. */
final class SpreadsheetFiles {

    private SpreadsheetFiles() {
    }

    static Path xlsx(Path dir, String name, List<String> header, List<List<String>> rows) {
        Path file = dir.resolve(name);
        List<List<String>> head = header.stream().map(List::of).toList();
        FastExcel.write(file.toFile()).head(head).sheet("老年人信息").doWrite(rows.stream().map(r -> (List<Object>) List.<Object>copyOf(r)).toList());
        return file;
    }

    static Path csv(Path dir, String name, Charset charset, List<String> header, List<List<String>> rows)
            throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", header)).append("\r\n");
        for (List<String> row : rows) {
            text.append(row.stream().map(SpreadsheetFiles::quote).collect(Collectors.joining(","))).append("\r\n");
        }
        Path file = dir.resolve(name);
        Files.write(file, text.toString().getBytes(charset));
        return file;
    }

    /**
     * A real .xlsx whose sheet is padded with hundreds of megabytes of blanks that compress to almost nothing: a few
     * hundred KB on disk that would inflate far beyond what the server should ever hold (a zip bomb).
     */
    static Path zipBomb(Path dir) throws IOException {
        Path real = xlsx(dir, "real.xlsx", List.of("身份证号", "姓名"), List.of(List.of("11010519491231002X", "王")));
        Path file = dir.resolve("bomb.xlsx");
        try (ZipFile source = new ZipFile(real.toFile());
             OutputStream out = Files.newOutputStream(file);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry : java.util.Collections.list(source.entries())) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = source.getInputStream(entry).readAllBytes();
                if (entry.getName().startsWith("xl/worksheets/sheet")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    int end = xml.lastIndexOf("</worksheet>");
                    zip.write(xml.substring(0, end).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 300; i++) {
                        zip.write(blanks);
                    }
                    zip.write(xml.substring(end).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return file;
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
