package org.yinling.elder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * An .xlsx as Excel saves it: every text cell an index into one shared-strings table (xl/sharedStrings.xml),
     * written part by part with {@code java.util.zip} (fast even for tens of thousands of rows).
     */
    static Path xlsxWithSharedStrings(Path dir, String name, List<List<String>> rows) throws IOException {
        StringBuilder strings = new StringBuilder();
        StringBuilder sheet = new StringBuilder();
        int count = 0;
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                sheet.append("<c r=\"").append((char) ('A' + c)).append(r + 1).append("\" t=\"s\"><v>").append(count++)
                        .append("</v></c>");
                strings.append("<si><t>").append(xml(rows.get(r).get(c))).append("</t></si>");
            }
            sheet.append("</row>");
        }
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                + "</Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"" + pkg + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"" + main
                + "\" xmlns:r=\"" + rel + "\"><sheets><sheet name=\"老年人信息\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\""
                + pkg + "\"><Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\""
                + main + "\"><sheetData>" + sheet + "</sheetData></worksheet>");
        parts.put("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"" + main
                + "\" count=\"" + count + "\" uniqueCount=\"" + count + "\">" + strings + "</sst>");
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
