import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Times the spreadsheet import (upload, background check, confirmation) of ROWS new elders from a real .xlsx, and
 * the .xlsx export of a search of about ROWS elders, over HTTP against a running app, as district staff.
 *
 *   java -cp postgresql.jar bench/ImportExportBench.java http://localhost:18080 jdbc:postgresql://... [ROWS]
 *
 * The .xlsx is written here with java.util.zip (inline strings, as many programs write them), so the benchmark
 * needs nothing but the JDK and the JDBC driver.
 */
public class ImportExportBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    ImportExportBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        ImportExportBench bench = new ImportExportBench(base);
        bench.logIn("district", "yinling");

        List<String> communities = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT code FROM region WHERE level = 'COMMUNITY' ORDER BY code")) {
            while (rs.next()) {
                communities.add(rs.getString(1));
            }
        }
        Path file = Path.of("target", "bench-import-" + rows + ".xlsx");
        long written = System.nanoTime();
        writeXlsx(file, rows, communities);
        System.out.printf("generated %s (%,d rows, %,d bytes) in %.1f s%n", file, rows, Files.size(file),
                seconds(written));

        long start = System.nanoTime();
        long importId = bench.upload(file);
        double uploaded = seconds(start);
        String state = bench.awaitChecked(importId);
        double checked = seconds(start);
        if (!"VALIDATED".equals(state)) {
            throw new IllegalStateException("import " + importId + " ended in state " + state);
        }
        long confirmStart = System.nanoTime();
        bench.post("/elders/imports/" + importId + "/confirm");
        double confirmed = seconds(confirmStart);
        double importTotal = seconds(start);
        int created;
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT new_count, state FROM elder_import WHERE id = " + importId)) {
            rs.next();
            created = rs.getInt(1);
            state = rs.getString(2);
        }

        // an export of about ROWS elders: the imported ones are born 1930-1939 in the demo district
        long exportStart = System.nanoTime();
        HttpResponse<Path> export = bench.http.send(HttpRequest.newBuilder(URI.create(base
                        + "/elders/export?q=%E5%AF%BC%E5%85%A5%E6%B5%8B%E8%AF%95")).GET().build(),
                HttpResponse.BodyHandlers.ofFile(Path.of("target", "bench-export.xlsx")));
        double exportSeconds = seconds(exportStart);
        long exportedRows;
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT (details->>'rows')::bigint FROM audit_event WHERE action = 'ELDERS_EXPORTED'
                     ORDER BY id DESC LIMIT 1""")) {
            rs.next();
            exportedRows = rs.getLong(1);
        }

        System.out.println();
        System.out.println("| step | rows | seconds | target |");
        System.out.println("|---|---:|---:|---|");
        System.out.printf("| import: upload (request returns) | %,d | %.1f | |%n", rows, uploaded);
        System.out.printf("| import: read + checked (from upload) | %,d | %.1f | |%n", rows, checked);
        System.out.printf("| import: confirmation (write, one transaction) | %,d | %.1f | |%n", created, confirmed);
        System.out.printf("| **import total** (state %s) | %,d | **%.1f** | ≤ 60 s: %s |%n", state, created,
                importTotal, importTotal <= 60 ? "PASS" : "FAIL");
        System.out.printf("| **export** (.xlsx, %,d bytes, HTTP %d) | %,d | **%.1f** | ≤ 30 s: %s |%n",
                Files.size(export.body()), export.statusCode(), exportedRows, exportSeconds,
                exportSeconds <= 30 ? "PASS" : "FAIL");
    }

    /** ROWS new elders named 导入测试…, born 1930-1939, spread over the communities. */
    static void writeXlsx(Path file, int rows, List<String> communities) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="老年人信息" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            StringBuilder xml = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            xml.append(row(1, List.of("身份证号", "姓名", "社区代码", "居住地址", "电话", "居住状况", "经济状况")));
            for (int n = 0; n < rows; n++) {
                int day = n % 3650;
                java.time.LocalDate birth = java.time.LocalDate.of(1930, 1, 1).plusDays(day);
                // 3,650 birth dates × up to 999 sequence numbers: unique for up to about 3.6 million rows
                String body = "110105" + birth.toString().replace("-", "") + String.format("%03d", n / 3650 + 1);
                xml.append(row(n + 2, List.of(body + check(body), "导入测试" + n,
                        communities.get(n % communities.size()), "导入路" + (n % 500) + "号", "1380000" + (n % 10_000),
                        n % 3 == 0 ? "独居" : "与家人同住", n % 20 == 0 ? "低保" : "无")));
                if (xml.length() > 1 << 20) {
                    zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
                    xml.setLength(0);
                }
            }
            xml.append("</sheetData></worksheet>");
            zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static String row(int number, List<String> cells) {
        StringBuilder row = new StringBuilder("<row r=\"").append(number).append("\">");
        for (String cell : cells) {
            row.append("<c t=\"inlineStr\"><is><t>").append(cell).append("</t></is></c>");
        }
        return row.append("</row>").toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static char check(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private void logIn(String username, String password) throws Exception {
        String token = csrf("/login");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                        + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed");
        }
    }

    private long upload(Path file) throws Exception {
        String token = csrf("/elders/import");
        String boundary = "----bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nSKIP\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName() + "\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/elders/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, Files.readAllBytes(file), tail))).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("upload answered " + response.statusCode()));
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String awaitChecked(long importId) throws Exception {
        Pattern state = Pattern.compile("id=\"import-(state|failed)\"");
        for (int i = 0; i < 6_000; i++) {
            String page = get("/elders/imports/" + importId);
            Matcher m = state.matcher(page);
            if (m.find()) {
                return m.group(1).equals("failed") ? "FAILED" : "VALIDATED";
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("import not checked in 10 minutes");
    }

    private void post(String path) throws Exception {
        String token = csrf("/elders/imports/" + path.split("/")[3]);
        http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    private String csrf(String path) throws Exception {
        Matcher m = CSRF.matcher(get(path));
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return m.group(1);
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
