package org.yinling.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.elder.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hardening that the issue asks to be tested, beyond {@link SecurityIntegrationTest} (lockout, session id change,
 * admin-only routes), {@link AccessMatrixTest} (every route, every role, CSRF on every state-changing route),
 * {@link EscapingTest} (output escaping) and {@link ErrorPagesTest} (error pages, oversized upload): login answers that
 * do not tell which usernames exist, security headers on pages, downloads and exports, uploads disguised by their
 * extension, and no personal data in the application log.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityHardeningTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwordEncoder;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    // --- login throttling --------------------------------------------------------------------------------------------

    @Test
    void anUnknownUsernameIsAnsweredExactlyLikeAWrongPassword() throws Exception {
        MvcResult unknown = mvc.perform(formLogin("/login").user("nobody" + tag).password("wrong"))
                .andExpect(unauthenticated()).andReturn();
        MvcResult wrongPassword = mvc.perform(formLogin("/login").user("manager").password("wrong" + tag))
                .andExpect(unauthenticated()).andReturn();
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad")
                .isEqualTo(wrongPassword.getResponse().getRedirectedUrl());
        // the unknown name is recorded for the administrator, but never becomes an account with a counter
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?").param("nobody" + tag)
                .query(Integer.class).single()).isZero();
        jdbc.sql("UPDATE app_user SET failed_logins = 0 WHERE username = 'manager'").update();
    }

    @Test
    void changingTheCaseOfTheUsernameDoesNotEscapeTheLockout() throws Exception {
        String username = "case" + tag;
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, 'Test', ?, 'STREET_REVIEWER', '330105001000')
                        """)
                .params(username, passwordEncoder.encode("Correct123")).update();
        List<String> spellings = List.of(username, username.toUpperCase(), "Case" + tag, username, "cASE" + tag);
        for (String spelling : spellings) {
            mvc.perform(formLogin("/login").user(spelling).password("wrong")).andExpect(unauthenticated());
        }
        mvc.perform(formLogin("/login").user(username.toUpperCase()).password("Correct123"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error=locked"));
    }

    @Test
    void logoutIsAPostThatNeedsTheCsrfToken() throws Exception {
        mvc.perform(post("/logout").with(as("manager"))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(as("manager")).with(csrf())).andExpect(redirectedUrl("/login?logout"));
    }

    // --- security headers --------------------------------------------------------------------------------------------

    @Test
    void pagesDownloadsExportsAndRefusalsCarryTheSecurityHeaders() throws Exception {
        AccessFixtures records = new AccessFixtures(jdbc);
        List<MvcResult> answers = new ArrayList<>();
        // pages with personal data
        answers.add(mvc.perform(get("/elders/{id}", records.elder()).with(as("community"))).andExpect(status().isOk())
                .andReturn());
        answers.add(mvc.perform(get("/elders").with(as("district"))).andExpect(status().isOk()).andReturn());
        // exports and downloads
        answers.add(mvc.perform(get("/elders/export").with(as("community"))).andExpect(status().isOk()).andReturn());
        answers.add(mvc.perform(get("/elders/import/template").with(as("community"))).andExpect(status().isOk())
                .andReturn());
        answers.add(mvc.perform(get("/subsidies/applications/{id}/attachments/{a}", records.application(),
                records.attachment()).with(as("community"))).andExpect(status().isOk()).andReturn());
        answers.add(mvc.perform(get("/payments/batches/{id}/bank-list.csv", records.approvedBatch())
                .with(as("district"))).andExpect(status().isOk()).andReturn());
        answers.add(mvc.perform(get("/meal-points/{id}/settlement.xlsx", records.mealPoint()).with(as("district")))
                .andExpect(status().isOk()).andReturn());
        // refusals: another region's record, a route of another role, a missing record
        answers.add(mvc.perform(get("/elders/{id}", records.elder()).with(as("matrix.otherstreet.h")))
                .andExpect(status().isNotFound()).andReturn());
        answers.add(mvc.perform(get("/admin/users").with(as("community"))).andExpect(status().isForbidden())
                .andReturn());
        answers.add(mvc.perform(get("/elders/999999999").with(as("district"))).andExpect(status().isNotFound())
                .andReturn());
        for (MvcResult answer : answers) {
            String what = answer.getRequest().getRequestURI() + " (" + answer.getResponse().getStatus() + ")";
            assertThat(answer.getResponse().getHeader("Content-Security-Policy")).as(what)
                    .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(answer.getResponse().getHeader("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(answer.getResponse().getHeader("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(answer.getResponse().getHeader("Referrer-Policy")).as(what).isEqualTo("same-origin");
            assertThat(answer.getResponse().getHeader("Cache-Control")).as(what).contains("no-store");
        }
        // downloads are attachments, never shown inline
        for (MvcResult download : answers.subList(2, 7)) {
            assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        }
    }

    // --- uploads -----------------------------------------------------------------------------------------------------

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] HTML = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

    @Test
    void anElderImportDisguisedByItsExtensionIsRefusedWithAMessage() throws Exception {
        // an image renamed to .xlsx, and to .csv: the import fails with the reason, nothing is read
        for (String name : List.of("elders.xlsx", "elders.csv")) {
            long id = elderImport(new MockMultipartFile("file", name, "application/octet-stream", PNG));
            assertThat(awaitImport(id)).as(name).isEqualTo("FAILED");
            mvc.perform(get("/elders/imports/{id}", id).with(as("district")))
                    .andExpect(content().string(containsString("文件已损坏或不是有效的表格文件")));
        }
        // a page or a program under its own name is not taken at all
        for (String name : List.of("elders.html", "elders.exe")) {
            MvcResult result = mvc.perform(multipart("/elders/import")
                            .file(new MockMultipartFile("file", name, "text/csv", HTML)).with(as("district")).with(csrf()))
                    .andReturn();
            String location = result.getResponse().getRedirectedUrl();
            assertThat(location).as(name).isNotNull();
            if (location.startsWith("/elders/imports/")) {
                long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
                assertThat(awaitImport(id)).as(name).isEqualTo("FAILED");
                mvc.perform(get(location).with(as("district")))
                        .andExpect(content().string(containsString("只能导入 .xlsx 或 .csv 文件")));
            }
        }
    }

    @Test
    void aStatusListDisguisedByItsExtensionIsRefusedWithAMessage() throws Exception {
        for (String name : List.of("deaths.xlsx", "deaths.csv")) {
            mvc.perform(multipart("/elders/status-imports").file(new MockMultipartFile("file", name,
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", PNG))
                            .param("kind", "DEATH").with(as("district")).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("文件已损坏或不是有效的表格文件")));
        }
    }

    @Test
    void anAttachmentDisguisedAsPdfOrTooLargeIsRefusedWithAMessage() throws Exception {
        AccessFixtures records = new AccessFixtures(jdbc);
        long application = records.application();
        mvc.perform(multipart("/subsidies/applications/{id}/attachments", application)
                        .file(new MockMultipartFile("file", "scan.pdf", "application/pdf", HTML))
                        .param("documentType", "ID_CARD").with(as("community")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件须为 PDF、JPEG 或 PNG 格式")));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        mvc.perform(multipart("/subsidies/applications/{id}/attachments", application)
                        .file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
                        .param("documentType", "ID_CARD").with(as("community")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件不能超过 10 MB")));
        assertThat(jdbc.sql("SELECT count(*) FROM subsidy_attachment WHERE application_id = ?").param(application)
                .query(Integer.class).single()).isZero();
    }

    // --- malformed forms --------------------------------------------------------------------------------------------

    @Test
    void aFormWithValuesNoPageSendsIsABadRequestNotAServerError() throws Exception {
        // letters for a number, an unknown choice, a malformed date: the form record cannot be made
        mvc.perform(post("/elders").with(as("district")).with(csrf()).param("residentId", "x").param("name", "x")
                        .param("communityCode", AccessFixtures.LANTIAN).param("livingArrangement", "NOPE")
                        .param("economicStatus", "NONE").param("incomePerPerson", "abc"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/institutions").with(as("district")).with(csrf()).param("name", "x").param("kind", "NOPE")
                        .param("starLevel", "five").param("openedOn", "yesterday"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf()).param("username", "abc").param("role", "KING"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/elders").param("ageMin", "eighty").with(as("district"))).andExpect(status().isBadRequest());
        // well-formed but invalid values are still shown on the form with their messages
        mvc.perform(post("/elders").with(as("district")).with(csrf()).param("residentId", "x").param("name", "x")
                        .param("communityCode", AccessFixtures.LANTIAN).param("livingArrangement", "ALONE")
                        .param("economicStatus", "NONE"))
                .andExpect(status().isOk());
    }

    @Test
    void aStoredIdThatFailsItsCheckDigitDoesNotTakeTheListsDown() throws Exception {
        // older data (or a fixture) may hold an ID whose check character is wrong; lists mask it as stored
        String name = "校验位" + tag;
        String bad = residentId(LocalDate.of(1938, 2, 2));
        bad = bad.substring(0, 17) + (bad.charAt(17) == '1' ? '2' : '1');
        long elder = jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'MALE', '1938-02-02', TRUE, ?, 'ALONE', 'NONE', 'test', 'test') RETURNING id
                        """).params(bad, name, AccessFixtures.LANTIAN).query(Long.class).single();
        mvc.perform(get("/elders").param("q", name).with(as("community")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(ResidentId.mask(bad))));
        mvc.perform(get("/elders/{id}", elder).with(as("community"))).andExpect(status().isOk());
        mvc.perform(get("/elders/export").param("q", name).with(as("community"))).andExpect(status().isOk());
    }

    // --- no personal data in the log ---------------------------------------------------------------------------------

    @Test
    void namesResidentIdsAndPhonesNeverReachTheLog() throws Exception {
        String name = "日志甲" + tag;
        String residentId = residentId(LocalDate.of(1940, 3, 3));
        String phone = "139" + String.format("%08d", (int) (Math.random() * 99_999_999));
        String badId = residentId.substring(0, 17) + (residentId.charAt(17) == '1' ? '2' : '1');
        String otherName = "日志乙" + tag;
        String importName = "日志丙" + tag;
        String importId = residentId(LocalDate.of(1941, 4, 4));
        String importPhone = "137" + String.format("%08d", (int) (Math.random() * 99_999_999));
        String loginName = "zhang.san." + tag;
        String idInPath = residentId.substring(0, 17) + "X";
        List<String> secrets = List.of(name, residentId, phone, badId, idInPath, otherName, importName, importId,
                importId.substring(0, 17) + "0", importPhone, loginName);

        Capture log = Capture.attach();
        try {
            // registration, a duplicate, and a form with errors
            String location = mvc.perform(post("/elders").with(as("district")).with(csrf())
                            .param("residentId", residentId).param("name", name).param("phone", phone)
                            .param("communityCode", AccessFixtures.LANTIAN).param("hukouLocal", "true")
                            .param("livingArrangement", "ALONE").param("economicStatus", "NONE")
                            .param("guardianName", otherName).param("guardianPhone", phone))
                    .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
            mvc.perform(post("/elders").with(as("district")).with(csrf())
                            .param("residentId", residentId).param("name", otherName).param("phone", phone)
                            .param("communityCode", AccessFixtures.LANTIAN).param("hukouLocal", "true")
                            .param("livingArrangement", "ALONE").param("economicStatus", "NONE"))
                    .andExpect(status().isOk());
            mvc.perform(post("/elders").with(as("district")).with(csrf())
                            .param("residentId", badId).param("name", otherName).param("phone", phone + "x")
                            .param("communityCode", "330105001999").param("livingArrangement", "NOPE")
                            .param("incomePerPerson", phone + "元"))
                    .andExpect(status().isBadRequest());
            // the record, searches by ID, name and phone, and an ID where a number belongs
            mvc.perform(get(location).with(as("community"))).andExpect(status().isOk());
            for (String q : List.of(residentId, name, phone, badId)) {
                mvc.perform(get("/elders").param("q", q).with(as("community"))).andExpect(status().isOk());
            }
            mvc.perform(get("/elders/{id}", idInPath).with(as("community"))).andExpect(status().isBadRequest());
            mvc.perform(get("/elders").param("ageMin", residentId).with(as("community")));
            AccessFixtures records = new AccessFixtures(jdbc);
            mvc.perform(get("/meal-points/{id}/meals/search", records.mealPoint()).param("q", residentId)
                    .with(as("community"))).andExpect(status().isOk());
            mvc.perform(post("/meal-points/{id}/meals", records.mealPoint()).param("elderId", residentId)
                    .param("meal", "LUNCH").param("mode", "EAT_IN").with(as("community")).with(csrf()));
            mvc.perform(post("/waiting-list/{id}", records.institution()).param("residentId", badId)
                    .with(as("street")).with(csrf())).andExpect(status().isOk());
            // a failed login under a username
            mvc.perform(formLogin("/login").user(loginName).password(phone)).andExpect(unauthenticated());
            // an import with errors, and its error report
            String csv = String.join(",", List.of("身份证号*", "姓名*", "社区代码*", "居住地址", "电话", "民族", "本地户籍",
                    "居住状况*", "孤寡", "失独", "经济状况*", "家庭人均月收入")) + "\n"
                    + String.join(",", importId.substring(0, 17) + "0", importName, AccessFixtures.LANTIAN, "测试路",
                    importPhone, "汉族", "是", "独居", "否", "否", "无", "abc") + "\n"
                    + String.join(",", importId, importName, "330105001999", "测试路", importPhone + "x", "汉族", "是",
                    "独居", "否", "否", "无", "") + "\n";
            long id = elderImport(new MockMultipartFile("file", "elders.csv", "text/csv",
                    csv.getBytes(StandardCharsets.UTF_8)));
            assertThat(awaitImport(id)).isEqualTo("VALIDATED");
            mvc.perform(get("/elders/imports/{id}", id).with(as("district"))).andExpect(status().isOk());
            mvc.perform(get("/elders/imports/{id}/errors", id).with(as("district"))).andExpect(status().isOk());
        }
        finally {
            log.stop();
        }
        assertThat(log.lines()).as("the log of these requests").isNotEmpty();
        for (String line : log.lines()) {
            for (String secret : secrets) {
                assertThat(line).as("a log line").doesNotContain(secret);
            }
        }
    }

    @Test
    void databaseErrorsCarryNoRowValuesIntoMessagesOrTheLog() throws Exception {
        String name = "库错" + tag;
        String residentId = residentId(LocalDate.of(1939, 9, 9));
        String insert = """
                INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code, living_arrangement,
                    economic_status, phone, created_by, updated_by)
                VALUES (?, ?, ?, '1939-09-09', TRUE, '330105001001', 'ALONE', 'NONE', ?, 'test', 'test')
                """;
        List<String> messages = new ArrayList<>();
        Capture log = Capture.attach();
        try {
            // a row the table refuses: PostgreSQL's detail would repeat the whole row ("Failing row contains ...")
            try {
                jdbc.sql(insert).params(residentId, name, "X", "13912345678").update();
            }
            catch (RuntimeException e) {
                messages.add(messagesOf(e));
            }
            // a duplicate: the detail would name the key ("Key (resident_id)=(...) already exists")
            jdbc.sql(insert).params(residentId, name, "MALE", "13912345678").update();
            try {
                jdbc.sql(insert).params(residentId, name, "MALE", "13912345678").update();
            }
            catch (RuntimeException e) {
                messages.add(messagesOf(e));
            }
            // the server's own log arrives through its output pipe: for 1.5 s, none of its lines names the row
            await("the log, for 1.5 s").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> log.lines().stream().noneMatch(line -> line.contains(name) || line.contains(residentId)
                            || line.contains("13912345678")));
        }
        finally {
            log.stop();
        }
        assertThat(messages).hasSize(2);
        for (String text : messages) {
            assertThat(text).as("an exception's messages").doesNotContain(name).doesNotContain(residentId)
                    .doesNotContain("13912345678");
        }
        for (String line : log.lines()) {
            assertThat(line).as("a log line").doesNotContain(name).doesNotContain(residentId)
                    .doesNotContain("13912345678");
        }
    }

    private static String messagesOf(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            text.append(cause).append(" | ");
        }
        return text.toString();
    }

    // -----------------------------------------------------------------------------------------------------------------

    private RequestPostProcessor as(String username) {
        if (username.equals("matrix.otherstreet.h")) {
            jdbc.sql("""
                    INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                    VALUES ('matrix.otherstreet.h', 'x', '{noop}x', 'STREET_REVIEWER', '330105002000')
                    ON CONFLICT DO NOTHING
                    """).update();
        }
        return TestUsers.as(username);
    }

    private long elderImport(MockMultipartFile file) throws Exception {
        String location = mvc.perform(multipart("/elders/import").file(file).param("mode", "SKIP")
                        .with(as("district")).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/elders/imports/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String awaitImport(long id) {
        return await("import " + id + " read").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("SELECT state FROM elder_import WHERE id = ?").param(id).query(String.class).single(),
                        not(equalTo("READING")));
    }

    private String residentId(LocalDate birth) {
        while (true) {
            String body = "110105" + birth.toString().replace("-", "")
                    + String.format("%03d", (int) (Math.random() * 998) + 1);
            String id = body + ResidentId.checkCharacter(body);
            if (jdbc.sql("SELECT count(*) FROM elder WHERE resident_id = ?").param(id).query(Integer.class).single() == 0) {
                return id;
            }
        }
    }

    /** Everything logged while it runs, from every thread: messages, arguments and exceptions with their causes. */
    static final class Capture extends AppenderBase<ILoggingEvent> {

        private final List<String> lines = new CopyOnWriteArrayList<>();
        private Logger root;

        static Capture attach() {
            Capture capture = new Capture();
            capture.root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            capture.setContext(capture.root.getLoggerContext());
            capture.start();
            capture.root.addAppender(capture);
            return capture;
        }

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
            }
            line.append(' ').append(event.getMDCPropertyMap());
            lines.add(line.toString());
        }

        List<String> lines() {
            return lines;
        }

        @Override
        public void stop() {
            if (root != null) {
                root.detachAppender(this);
            }
            super.stop();
        }
    }
}
