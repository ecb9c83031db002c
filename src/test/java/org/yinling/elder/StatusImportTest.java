package org.yinling.elder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.yinling.system.TestUsers.as;

/** Lists of deaths and move-outs from other agencies, uploaded, reviewed and confirmed through the pages. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class StatusImportTest {

    private static final String LANTIAN = "330105001001";
    private static final String XIANGFU = "330105002001";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Charset GBK = Charset.forName("GBK");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
    /** IDs of a county no other test uses, so that lists never meet another test's elders. */
    private static final String ADDRESS = "330110";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @TempDir
    Path temp;

    private final LocalDate today = TestDates.today();

    @BeforeEach
    void otherUsers() {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                VALUES ('status.clerk', 'x', 'x', 'COMMUNITY_CLERK', :lantian) ON CONFLICT DO NOTHING""")
                .param("lantian", LANTIAN).update();
    }

    @Test
    void districtStaffUploadADeathListReviewItAndConfirmOnlyTheMatchedRows() throws Exception {
        String matchedId = newId("19320101");
        long matched = register(matchedId, "名单匹配", LANTIAN);
        String xiangfuId = newId("19320202");
        long xiangfu = register(xiangfuId, "名单祥符", XIANGFU);
        String deceasedId = newId("19320303");
        long deceased = register(deceasedId, "名单已故", LANTIAN);
        mvc.perform(post("/elders/" + deceased + "/deceased").with(as("district")).with(csrf())
                .param("date", today.minusMonths(2).toString()).param("reason", "手工登记")).andExpect(status().isFound());
        String futureId = newId("19320404");
        long future = register(futureId, "名单未来", LANTIAN);
        String twoDatesId = newId("19320505");
        long twoDates = register(twoDatesId, "名单两日期", LANTIAN);
        String unknownId = newId("19320606");
        String wrongCheck = newId("19320707");
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '1' ? '2' : '1');
        LocalDate died = today.minusDays(10);

        // columns in another order than the instructions, with an extra column; dates in the usual spellings
        byte[] xlsx = xlsx(List.of("序号", "文书编号", "日期", "身份证号", "来源单位"), List.of(
                List.of("1", "死证2026-001", died.toString(), matchedId.toLowerCase(), "市第一医院"),
                List.of("2", "死证2026-002", died.format(SLASHED), xiangfuId, "市第一医院"),
                List.of("3", "死证2026-003", died.toString(), deceasedId, "殡仪馆"),
                List.of("4", "死证2026-004", today.plusDays(5).toString(), futureId, "殡仪馆"),
                List.of("5", "死证2026-005", died.toString(), twoDatesId, "殡仪馆"),
                List.of("6", "死证2026-006", died.minusDays(1).toString(), twoDatesId, "殡仪馆"),
                List.of("7", "死证2026-007", died.toString(), unknownId, "殡仪馆"),
                List.of("8", "死证2026-008", died.toString(), wrongCheck, "殡仪馆"),
                List.of("9", "死证2026-009", "2026-02-30", newId("19320808"), "殡仪馆"),
                List.of("10", "死证2026-001", died.toString(), matchedId, "市第一医院"),
                List.of("", "", "", "", "")));
        long listId = upload("district", "DEATH", "死亡名单.xlsx", xlsx);

        StatusImportSummary list = review("district", listId);
        assertThat(list.state()).isEqualTo(StatusImportState.UPLOADED);
        assertThat(list.rowCount()).isEqualTo(10);
        assertThat(list.matched()).as("matched, its repeat and the other street's elder (district scope)").isEqualTo(3);
        assertThat(list.unmatched()).isEqualTo(1);
        assertThat(list.alreadyInactive()).isEqualTo(1);
        assertThat(list.conflict()).as("a future date and one ID with two dates").isEqualTo(3);
        assertThat(list.invalid()).as("a wrong check digit and 30 February").isEqualTo(2);
        assertThat(outcomes(listId)).containsExactly("MATCHED", "MATCHED", "ALREADY_INACTIVE", "CONFLICT", "CONFLICT",
                "CONFLICT", "UNMATCHED", "INVALID", "INVALID", "MATCHED");
        assertThat(jdbc.sql("SELECT reason FROM status_import_row WHERE import_id = :id AND row_no = 9")
                .param("id", listId).query(String.class).single()).isEqualTo("elder.residentId.check_digit");
        // nothing changes at upload
        assertThat(lifeStatus(matched)).isEqualTo("ACTIVE");

        String masked = matchedId.substring(0, 6) + "********" + matchedId.substring(14);
        mvc.perform(get("/elders/status-imports/" + listId).with(as("district")))
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(not(containsString(matchedId))))
                .andExpect(content().string(containsString("href=\"/elders/" + matched + "\"")))
                .andExpect(content().string(containsString("id=\"status-import-confirm\"")))
                .andExpect(content().string(containsString("data-confirm=")));
        Page<?> conflicts = (Page<?>) mvc.perform(get("/elders/status-imports/" + listId).param("outcome", "CONFLICT")
                .with(as("district"))).andReturn().getModelAndView().getModel().get("rows");
        assertThat(conflicts.getTotalElements()).isEqualTo(3);

        mvc.perform(post("/elders/status-imports/" + listId + "/confirm").with(as("district")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashSuccess", "statusImport.confirmed"));

        assertThat(elder(matched)).containsEntry("life_status", "DECEASED")
                .containsEntry("life_status_date", died.toString())
                .containsEntry("life_status_reason", "市第一医院 死证2026-001")
                .containsEntry("updated_by", "district")
                .containsEntry("version", "1");
        assertThat(lifeStatus(xiangfu)).isEqualTo("DECEASED");
        assertThat(elder(deceased)).containsEntry("life_status_reason", "手工登记");
        assertThat(lifeStatus(future)).isEqualTo("ACTIVE");
        assertThat(lifeStatus(twoDates)).isEqualTo("ACTIVE");

        assertThat(events.stream(ElderDeceased.class).filter(e -> e.elderId() == matched))
                .containsExactly(new ElderDeceased(matched, died));
        assertThat(events.stream(ElderDeceased.class).filter(e -> e.elderId() == xiangfu)).hasSize(1);
        assertThat(events.stream(ElderDeceased.class).filter(e -> e.elderId() == future || e.elderId() == twoDates))
                .isEmpty();
        assertThat(events.stream(ElderDeceased.class).filter(e -> e.elderId() == deceased))
                .as("only the death recorded by hand").hasSize(1);

        assertThat(jdbc.sql("""
                        SELECT details->>'date' || ' ' || (details->>'statusImportId') || ' ' || (details->>'reason')
                        FROM audit_event WHERE action = 'ELDER_DECEASED' AND entity = 'elder' AND entity_id = :id""")
                .param("id", String.valueOf(matched)).query(String.class).list())
                .containsExactly(died + " " + listId + " 市第一医院 死证2026-001");
        assertThat(jdbc.sql("""
                        SELECT (details->>'applied') || ' ' || (details->>'MATCHED') FROM audit_event
                        WHERE action = 'ELDER_STATUS_IMPORT_CONFIRMED' AND entity_id = :id""")
                .param("id", String.valueOf(listId)).query(String.class).list()).containsExactly("2 3");
        // the elder's change history shows the death
        mvc.perform(get("/elders/" + matched).with(as("district")))
                .andExpect(content().string(containsString("死证2026-001")));

        StatusImportSummary confirmed = review("district", listId);
        assertThat(confirmed.state()).isEqualTo(StatusImportState.CONFIRMED);
        assertThat(confirmed.appliedCount()).isEqualTo(2);
        assertThat(confirmed.decidedBy()).isEqualTo("district");
        mvc.perform(get("/elders/status-imports/" + listId).with(as("district")))
                .andExpect(content().string(not(containsString("id=\"status-import-confirm\""))));

        // a second confirmation is refused and changes nothing
        mvc.perform(post("/elders/status-imports/" + listId + "/confirm").with(as("district")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", "statusImport.notOpen"));
        mvc.perform(post("/elders/status-imports/" + listId + "/cancel").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashError", "statusImport.notOpen"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ELDER_STATUS_IMPORT_CONFIRMED' AND entity_id = :id")
                .param("id", String.valueOf(listId)).query(Integer.class).single()).isEqualTo(1);
        assertThat(elder(matched)).containsEntry("version", "1");
    }

    @Test
    void aStreetSeesOnlyItsOwnEldersAndCannotConfirmButTheDistrictCan() throws Exception {
        String shangtangId = newId("19330101");
        long shangtang = register(shangtangId, "街道名单上塘", LANTIAN);
        String xiangfuId = newId("19330202");
        long xiangfu = register(xiangfuId, "街道名单祥符", XIANGFU);
        LocalDate left = today.minusDays(3);
        byte[] csv = csv(GBK, "身份证号,日期,来源单位,文书编号",
                shangtangId + "," + left + ",拱墅公安分局,迁字001",
                xiangfuId + "," + left + ",拱墅公安分局,迁字002");
        long listId = upload("street", "MOVE_OUT", "迁出.csv", csv);

        StatusImportSummary list = review("street", listId);
        assertThat(list.matched()).isEqualTo(1);
        assertThat(list.unmatched()).as("the 祥符 elder is outside 上塘").isEqualTo(1);
        mvc.perform(get("/elders/status-imports/" + listId).with(as("street")))
                .andExpect(content().string(not(containsString("街道名单祥符"))))
                .andExpect(content().string(not(containsString("href=\"/elders/" + xiangfu + "\""))))
                .andExpect(content().string(not(containsString("id=\"status-import-confirm\""))));

        mvc.perform(post("/elders/status-imports/" + listId + "/confirm").with(as("street")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/elders/status-imports/" + listId + "/cancel").with(as("street")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(review("street", listId).state()).isEqualTo(StatusImportState.UPLOADED);

        // the district confirms the street's list; it changes only what matched inside the street
        mvc.perform(post("/elders/status-imports/" + listId + "/confirm").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "statusImport.confirmed"));
        assertThat(elder(shangtang)).containsEntry("life_status", "MOVED_OUT")
                .containsEntry("life_status_reason", "拱墅公安分局 迁字001");
        assertThat(lifeStatus(xiangfu)).isEqualTo("ACTIVE");
        assertThat(events.stream(ElderMovedOut.class).filter(e -> e.elderId() == shangtang))
                .containsExactly(new ElderMovedOut(shangtang, left));
        assertThat(events.stream(ElderMovedOut.class).filter(e -> e.elderId() == xiangfu)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ELDER_MOVED_OUT' AND entity_id = :id")
                .param("id", String.valueOf(shangtang)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theHistoryShowsListsInsideTheUsersRegionNewestFirst() throws Exception {
        String id = newId("19340101");
        register(id, "历史名单", LANTIAN);
        String row = id + "," + today.minusDays(1) + ",医院,编号";
        long byStreet = upload("street", "DEATH", "街道.csv", csv(GBK, "身份证号,日期,来源单位,文书编号", row));
        long byDistrict = upload("district", "DEATH", "区.csv", csv(GBK, "身份证号,日期,来源单位,文书编号", row));

        assertThat(historyIds("district")).containsSubsequence(byDistrict, byStreet);
        assertThat(historyIds("street")).contains(byStreet).doesNotContain(byDistrict);
        assertThat(historyIds("manager")).contains(byDistrict, byStreet);
        mvc.perform(get("/elders/status-imports/" + byDistrict).with(as("street"))).andExpect(status().isNotFound());
        mvc.perform(get("/elders/status-imports").with(as("district")))
                .andExpect(content().string(containsString("区.csv")))
                .andExpect(content().string(containsString("href=\"/elders/status-imports/" + byDistrict + "\"")));
    }

    @Test
    void aCancelledListStaysViewableAndCannotBeConfirmed() throws Exception {
        String id = newId("19350101");
        long elder = register(id, "取消名单", LANTIAN);
        long listId = upload("district", "DEATH", "取消.csv",
                csv(GBK, "身份证号,日期,来源单位,文书编号", id + "," + today.minusDays(2) + ",医院,编号"));
        mvc.perform(post("/elders/status-imports/" + listId + "/cancel").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "statusImport.cancelled"));
        mvc.perform(post("/elders/status-imports/" + listId + "/confirm").with(as("district")).with(csrf()))
                .andExpect(flash().attribute("flashError", "statusImport.notOpen"));
        assertThat(review("district", listId).state()).isEqualTo(StatusImportState.CANCELLED);
        assertThat(lifeStatus(elder)).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ELDER_STATUS_IMPORT_CANCELLED' AND entity_id = :id")
                .param("id", String.valueOf(listId)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anElderRecordedByHandAfterTheUploadIsLeftAloneAtConfirmation() throws Exception {
        String id = newId("19360101");
        long elder = register(id, "期间变更", LANTIAN);
        long listId = upload("district", "DEATH", "期间.csv",
                csv(GBK, "身份证号,日期,来源单位,文书编号", id + "," + today.minusDays(2) + ",医院,编号"));
        mvc.perform(post("/elders/" + elder + "/moved-out").with(as("district")).with(csrf())
                .param("date", today.minusDays(1).toString()).param("reason", "手工迁出")).andExpect(status().isFound());
        mvc.perform(post("/elders/status-imports/" + listId + "/confirm").with(as("district")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(elder(elder)).containsEntry("life_status", "MOVED_OUT").containsEntry("life_status_reason", "手工迁出");
        assertThat(events.stream(ElderDeceased.class).filter(e -> e.elderId() == elder)).isEmpty();
        StatusImportSummary list = review("district", listId);
        assertThat(list.appliedCount()).isZero();
        assertThat(list.conflict()).isEqualTo(1);
        assertThat(outcomes(listId)).containsExactly("CONFLICT");
    }

    @Test
    void excelDateCellsAndSerialNumbersAreRead() throws Exception {
        String first = newId("19370101");
        String second = newId("19370202");
        String third = newId("19370303");
        register(first, "日期甲", LANTIAN);
        register(second, "日期乙", LANTIAN);
        register(third, "日期丙", LANTIAN);
        LocalDate date = today.minusDays(20);
        long serial = date.toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            header(sheet, List.of("身份证号", "日期", "来源单位", "文书编号"));
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle builtin = workbook.createCellStyle();
            builtin.setDataFormat((short) 14);
            String[] ids = {first, second, third};
            for (int i = 0; i < ids.length; i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(ids[i]);
                if (i == 2) {
                    row.createCell(1).setCellValue(serial);
                }
                else {
                    row.createCell(1).setCellValue(date);
                    row.getCell(1).setCellStyle(i == 0 ? dateStyle : builtin);
                }
                row.createCell(2).setCellValue("医院");
                row.createCell(3).setCellValue("编号" + i);
            }
            workbook.write(out);
        }
        long listId = upload("district", "DEATH", "日期.xlsx", out.toByteArray());
        assertThat(jdbc.sql("SELECT raw_date || ' ' || coalesce(event_date::text, '-') FROM status_import_row WHERE import_id = :id ORDER BY row_no")
                .param("id", listId).query(String.class).list())
                .allSatisfy(d -> assertThat(d).endsWith(" " + date));
        assertThat(review("district", listId).matched()).isEqualTo(3);
    }

    @Test
    void filesThatCannotBeReadAreRefusedOnTheFormAndNothingIsStored() throws Exception {
        int before = listCount();
        uploadRefused("坏.xlsx", "not a zip at all".getBytes(), "import.file.corrupt")
                .andExpect(content().string(containsString("文件已损坏")));
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        uploadRefused("旧版.xls", ole2, "import.file.xls")
                .andExpect(content().string(containsString("另存为")));
        uploadRefused("伪装.xlsx", ole2, "import.file.xls");
        uploadRefused("名单.txt", "身份证号".getBytes(), "import.file.type");
        uploadRefused("缺列.csv", csv(GBK, "身份证号,日期", newId("19380101") + ",2026-01-01"), "statusImport.file.columns");
        uploadRefused("空.csv", csv(GBK, "身份证号,日期,来源单位,文书编号"), "statusImport.file.empty");
        List<String> lines = new ArrayList<>();
        lines.add("身份证号,日期,来源单位,文书编号");
        for (int i = 0; i <= StatusImportService.MAX_ROWS; i++) {
            lines.add("x,2026-01-01,医院,编号");
        }
        uploadRefused("太多.csv", csv(GBK, lines.toArray(String[]::new)), "import.file.tooManyRows");
        assertThat(listCount()).isEqualTo(before);
    }

    @Test
    void aMissingFileOrKindIsAFieldError() throws Exception {
        int before = listCount();
        mvc.perform(multipart("/elders/status-imports").param("kind", "DEATH").with(as("district")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name(StatusImportController.UPLOAD_VIEW))
                .andExpect(model().attributeHasFieldErrorCode("form", "file", "statusImport.file.required"));
        byte[] csv = csv(GBK, "身份证号,日期,来源单位,文书编号", newId("19390101") + ",2026-01-01,医院,编号");
        mvc.perform(multipart("/elders/status-imports").file(file("a.csv", csv)).with(as("district")).with(csrf()))
                .andExpect(model().attributeHasFieldErrorCode("form", "kind", "NotNull"));
        // a kind that no choice of the page sends: the form cannot be made, a bad request (UnboundFormGuard)
        mvc.perform(multipart("/elders/status-imports").file(file("a.csv", csv)).param("kind", "BIRTH")
                        .with(as("district")).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(listCount()).isEqualTo(before);
    }

    @Test
    void onlyDistrictStaffAndStreetsUploadAndManagersOnlyRead() throws Exception {
        mvc.perform(get("/elders/status-imports/new").with(as("district"))).andExpect(status().isOk());
        mvc.perform(get("/elders/status-imports/new").with(as("manager"))).andExpect(status().isForbidden());
        mvc.perform(get("/elders/status-imports").with(as("manager"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"status-import-new\""))));
        byte[] csv = csv(GBK, "身份证号,日期,来源单位,文书编号", newId("19400101") + ",2026-01-01,医院,编号");
        mvc.perform(multipart("/elders/status-imports").file(file("a.csv", csv)).param("kind", "DEATH")
                .with(as("status.clerk")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/elders/status-imports").file(file("a.csv", csv)).param("kind", "DEATH")
                .with(as("manager")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/elders/status-imports").with(as("admin"))).andExpect(status().isForbidden());
    }

    // --- helpers

    private long upload(String username, String kind, String fileName, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/elders/status-imports").file(file(fileName, content))
                        .param("kind", kind).with(as(username)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashSuccess", "statusImport.uploaded"))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private ResultActions uploadRefused(String fileName, byte[] content, String messageKey) throws Exception {
        return mvc.perform(multipart("/elders/status-imports").file(file(fileName, content)).param("kind", "DEATH")
                        .with(as("district")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name(StatusImportController.UPLOAD_VIEW))
                .andExpect(model().attributeHasFieldErrorCode("form", "file", messageKey));
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, name.endsWith(".xlsx") ? XLSX : "text/csv", content);
    }

    private StatusImportSummary review(String username, long listId) throws Exception {
        return (StatusImportSummary) mvc.perform(get("/elders/status-imports/" + listId).with(as(username)))
                .andExpect(status().isOk())
                .andReturn().getModelAndView().getModel().get("list");
    }

    private List<Long> historyIds(String username) throws Exception {
        Page<?> lists = (Page<?>) mvc.perform(get("/elders/status-imports").with(as(username)))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("lists");
        return lists.getContent().stream().map(l -> ((StatusImportSummary) l).id()).toList();
    }

    private List<String> outcomes(long listId) {
        return jdbc.sql("SELECT outcome FROM status_import_row WHERE import_id = :id ORDER BY row_no")
                .param("id", listId).query(String.class).list();
    }

    private long register(String residentId, String name, String community) throws Exception {
        MvcResult result = mvc.perform(post("/elders").with(as("district")).with(csrf())
                        .param("residentId", residentId).param("name", name).param("communityCode", community)
                        .param("hukouLocal", "true").param("livingArrangement", "ALONE")
                        .param("economicStatus", "NONE"))
                .andExpect(status().isFound()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** A valid resident ID, unique within this test run. */
    private static String newId(String birthDate) {
        String body = ADDRESS + birthDate + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        return body + ResidentId.checkCharacter(body);
    }

    private Map<String, String> elder(long id) {
        return jdbc.sql("""
                        SELECT life_status, CAST(life_status_date AS varchar) AS life_status_date, life_status_reason,
                               updated_by, CAST(version AS varchar) AS version
                        FROM elder WHERE id = :id""")
                .param("id", id)
                .query((rs, i) -> {
                    Map<String, String> row = new HashMap<>();
                    for (String column : List.of("life_status", "life_status_date", "life_status_reason", "updated_by", "version")) {
                        row.put(column, rs.getString(column));
                    }
                    return row;
                })
                .single();
    }

    private String lifeStatus(long id) {
        return elder(id).get("life_status");
    }

    private int listCount() {
        return jdbc.sql("SELECT count(*) FROM status_import").query(Integer.class).single();
    }

    private byte[] xlsx(List<String> header, List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("名单");
            header(sheet, header);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
        }
        return out.toByteArray();
    }

    private static void header(Sheet sheet, List<String> header) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            row.createCell(c).setCellValue(header.get(c));
        }
    }

    /** A CSV file in the given encoding, written to disk and read back as agencies' systems would hand it over. */
    private byte[] csv(Charset charset, String... lines) throws Exception {
        Path file = temp.resolve("list-" + SEQUENCE.incrementAndGet() + ".csv");
        Files.write(file, (String.join("\r\n", lines) + "\r\n").getBytes(charset));
        return Files.readAllBytes(file);
    }

}
