package org.yinling.elder;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yinling.system.SpreadsheetReader;
import org.yinling.system.SpreadsheetException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadsheetReaderTest {

    private static final List<String> HEADER = List.of("身份证号", "姓名", "备注");
    private static final List<List<String>> ROWS = List.of(
            List.of("11010519491231002X", "王秀英", "含,逗号"),
            List.of("330105194503120023", "李\"建国\"", "第二行"));

    @TempDir
    Path dir;

    @Test
    void readsXlsxRowsWithTheHeaderFirst() {
        List<List<String>> read = read(SpreadsheetFiles.xlsx(dir, "a.xlsx", HEADER, ROWS), "a.xlsx", 10);
        assertThat(read).containsExactly(HEADER, ROWS.get(0), ROWS.get(1));
    }

    @Test
    void readsUtf8AndGbkCsvAlike() throws IOException {
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
            Path file = SpreadsheetFiles.csv(dir, "b.csv", charset, HEADER, ROWS);
            assertThat(read(file, "b.csv", 10)).as(charset.name()).containsExactly(HEADER, ROWS.get(0), ROWS.get(1));
        }
    }

    /**
     * Excel keeps every text cell in one shared-strings table; past 5 MB FastExcel would hold it in Ehcache, which the
     * app does not ship: a large workbook saved by Excel still reads, row for row, and leaves no temporary file.
     */
    @Test
    void readsAnXlsxWhoseSharedStringsTablePassesFiveMegabytes() throws IOException {
        int rows = 40_000;
        List<List<String>> written = new ArrayList<>();
        written.add(HEADER);
        for (int r = 1; r <= rows; r++) {
            written.add(List.of(String.format("1101051949%08d", r), "姓名" + r,
                    "北京市朝阳区某某街道某某社区某某小区" + r + "号楼" + (r % 7 == 0 ? "含,逗号" : "\"引号\"") + "，" + r + "室"));
        }
        Path file = SpreadsheetFiles.xlsxWithSharedStrings(dir, "large.xlsx", written);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("xl/sharedStrings.xml").getSize()).isGreaterThan(5L << 20);
        }
        List<String> before = sharedStringFiles();

        List<List<String>> read = read(file, "large.xlsx", rows);

        assertThat(read).isEqualTo(written);
        assertThat(sharedStringFiles()).isEqualTo(before);
        assertThatThrownBy(() -> read(file, "large.xlsx", rows - 1))
                .isInstanceOfSatisfying(SpreadsheetException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.file.tooManyRows"));
        assertThat(sharedStringFiles()).isEqualTo(before);
    }

    private static List<String> sharedStringFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("yinling-shared-strings"))
                    .sorted().toList();
        }
    }

    /** RFC 4180 as Excel writes it, and the lenient cases the reader has always accepted; rows numbered by record. */
    @Test
    void readsQuotedCommasDoubledQuotesAndLineBreaksInCsv() throws IOException {
        String text = "\uFEFF身份证号,姓名,备注\r\n"
                + "11010519491231002X,\"王,秀英\",\"他说\"\"好\"\"\"\r\n"
                + "330105194503120023, 李建国 ,\"第一行\r\n第二行\"\r\n"
                + "\r\n"
                + "440106195001010011,\"赵\"四,\"未闭合的引号,\n到文件末尾";
        Path file = Files.write(dir.resolve("quoted.csv"), text.getBytes(StandardCharsets.UTF_8));
        Map<Integer, List<String>> read = new LinkedHashMap<>();
        SpreadsheetReader.read(file, "quoted.csv", 10, read::put);
        assertThat(read).containsExactly(
                Map.entry(1, HEADER),
                Map.entry(2, List.of("11010519491231002X", "王,秀英", "他说\"好\"")),
                Map.entry(3, List.of("330105194503120023", "李建国", "第一行\r\n第二行")),
                Map.entry(4, List.of("")),
                Map.entry(5, List.of("440106195001010011", "赵四", "未闭合的引号,\n到文件末尾")));
    }

    @Test
    void refusesCsvThatIsNeitherUtf8NorGbk() throws IOException {
        Path file = Files.write(dir.resolve("binary.csv"), new byte[] {'a', ',', (byte) 0x81, 0x20, '\n'});
        assertKey(file, "binary.csv", "import.file.corrupt");
    }

    @Test
    void refusesMoreRowsThanAllowed() {
        Path file = SpreadsheetFiles.xlsx(dir, "c.xlsx", HEADER, ROWS);
        assertThatThrownBy(() -> read(file, "c.xlsx", 1))
                .isInstanceOfSatisfying(SpreadsheetException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.file.tooManyRows"));
    }

    @Test
    void refusesCorruptOldAndOtherFiles() throws IOException {
        Path corrupt = Files.write(dir.resolve("d.xlsx"), "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        assertKey(corrupt, "d.xlsx", "import.file.corrupt");
        Path text = Files.writeString(dir.resolve("e.xlsx"), "hello");
        assertKey(text, "e.xlsx", "import.file.corrupt");
        Path xls = Files.write(dir.resolve("f.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0});
        assertKey(xls, "f.xls", "import.file.xls");
        Path xlsNamedXlsx = Files.write(dir.resolve("g.xlsx"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0});
        assertKey(xlsNamedXlsx, "g.xlsx", "import.file.xls");
        Path pdf = Files.writeString(dir.resolve("h.pdf"), "%PDF-1.4");
        assertKey(pdf, "h.pdf", "import.file.type");
    }

    @Test
    void refusesAZipBombDisguisedAsXlsx() throws IOException {
        Path bomb = SpreadsheetFiles.zipBomb(dir);
        assertThat(Files.size(bomb)).isLessThan(1_000_000);
        assertThatThrownBy(() -> read(bomb, "bomb.xlsx", 10))
                .isInstanceOfSatisfying(SpreadsheetException.class,
                        e -> assertThat(e.messageKey()).as(chain(e)).isEqualTo("import.file.zipBomb"));
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" <- ");
            if (t.getCause() == t) {
                break;
            }
        }
        return b.toString();
    }

    private void assertKey(Path file, String name, String key) {
        assertThatThrownBy(() -> read(file, name, 10))
                .isInstanceOfSatisfying(SpreadsheetException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private static List<List<String>> read(Path file, String name, int maxRows) {
        List<List<String>> rows = new ArrayList<>();
        SpreadsheetReader.read(file, name, maxRows, (n, cells) -> rows.add(cells));
        return rows;
    }
}
