package org.yinling.elder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * The import's in-file duplicate check must not be planned as a nested loop that runs the staging rows again for
 * every row (issue 20 §4: 46,242 rows into a new county took 18 minutes). That plan came from statistics of the
 * staging table taken before the import's rows were there: the new import looked like one row. No timing here: the
 * plans themselves are checked.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ElderImportPlanTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ElderImportStore store;
    @Autowired
    MockMvc mvc;

    @Test
    void theDuplicateCheckIsAJoinNotARescanOnceTheStagedRowsAreAnalysed() {
        // a trial import of a few rows, then the statistics autovacuum takes after it
        long trial = stage(3_000, 0);
        jdbc.sql("ANALYZE elder_import_row").update();
        // the real file: 5,000 rows, of which the last 40 repeat earlier IDs; unknown to those statistics
        long file = stage(5_000, 40);

        store.analyseStaging();

        JsonNode plan = explain(ElderImportStore.DUPLICATE_IN_FILE, file);
        assertThat(rescansOfStaging(plan)).as(plan.toString()).isEmpty();
        // and the check still finds exactly the later rows of each repeated ID
        jdbc.sql(ElderImportStore.DUPLICATE_IN_FILE).param("id", file).update();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM elder_import_row
                        WHERE import_id = :id AND 'RESIDENT_ID|import.residentId.duplicateInFile' = ANY(errors)
                        """).param("id", file).query(Integer.class).single()).isEqualTo(40);
        jdbc.sql("DELETE FROM elder_import WHERE id IN (:ids)").param("ids", List.of(trial, file)).update();
    }

    /** The plan PostgreSQL 17 chose for the check of 5,000 rows on such statistics (before the fix) is recognised. */
    @Test
    void theQuadraticPlanOfTheStaleStatisticsIsRecognised() {
        JsonNode stale = JSON.readTree("""
                [{"Plan": {"Node Type": "ModifyTable", "Relation Name": "elder_import_row", "Plans": [
                  {"Node Type": "Nested Loop", "Parent Relationship": "Outer", "Join Filter": "(r.row_no = d.row_no)",
                   "Plans": [
                    {"Node Type": "Index Scan", "Parent Relationship": "Outer", "Index Name": "elder_import_row_pkey",
                     "Relation Name": "elder_import_row", "Alias": "r", "Index Cond": "(import_id = 9002)"},
                    {"Node Type": "Subquery Scan", "Parent Relationship": "Inner", "Alias": "d", "Filter": "(d.n > 1)",
                     "Plans": [{"Node Type": "WindowAgg", "Parent Relationship": "Subquery", "Plans": [
                       {"Node Type": "Incremental Sort", "Parent Relationship": "Outer", "Plans": [
                         {"Node Type": "Index Scan", "Parent Relationship": "Outer",
                          "Index Name": "elder_import_row_resident_idx", "Relation Name": "elder_import_row",
                          "Index Cond": "(import_id = 9002)", "Filter": "(birth_date IS NOT NULL)"}]}]}]}]}]}}]
                """);
        assertThat(rescansOfStaging(stale)).containsExactly("Subquery Scan");
    }

    /** Whatever the file's columns, the real import path (upload, background read) analyses the staged rows. */
    @Test
    void everyImportAnalysesItsStagedRowsBeforeTheChecks() throws Exception {
        long before = analyses();
        byte[] template = mvc.perform(get("/elders/import/template").with(as("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String location = mvc.perform(multipart("/elders/import")
                        .file(new MockMultipartFile("file", "template.xlsx", "application/octet-stream", template))
                        .param("mode", "SKIP").with(as("district")).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long importId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String state = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT state FROM elder_import WHERE id = :id").param("id", importId)
                        .query(String.class).single(), s -> !"READING".equals(s));
        assertThat(state).isEqualTo("VALIDATED");
        assertThat(analyses()).isGreaterThan(before);
    }

    /** Manual ANALYZEs of the staging table so far (autovacuum's are counted apart). */
    private long analyses() {
        return jdbc.sql("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'elder_import_row'")
                .query(Long.class).single();
    }

    /**
     * The inner sides of nested loops that read the staging table other than by one row's key: each of them runs
     * once per row of the outer side, so the check grows with the square of the file.
     */
    static List<String> rescansOfStaging(JsonNode explain) {
        List<String> found = new ArrayList<>();
        walk(explain.get(0).get("Plan"), found);
        return found;
    }

    private static void walk(JsonNode node, List<String> found) {
        if ("Nested Loop".equals(node.path("Node Type").asString())) {
            for (JsonNode child : node.path("Plans")) {
                if ("Inner".equals(child.path("Parent Relationship").asString())) {
                    JsonNode inner = "Memoize".equals(child.path("Node Type").asString())
                            ? child.path("Plans").get(0) : child;
                    boolean keyLookup = inner.path("Node Type").asString().startsWith("Index")
                            && inner.path("Index Cond").asString().contains("row_no");
                    if (!keyLookup && readsStaging(inner)) {
                        found.add(inner.path("Node Type").asString());
                    }
                }
            }
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child, found);
        }
    }

    private static boolean readsStaging(JsonNode node) {
        if ("elder_import_row".equals(node.path("Relation Name").asString())) {
            return true;
        }
        for (JsonNode child : node.path("Plans")) {
            if (readsStaging(child)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode explain(String sql, long importId) {
        String plan = jdbc.sql("EXPLAIN (FORMAT JSON) " + sql.replace(":id", Long.toString(importId)))
                .query(String.class).single();
        return JSON.readTree(plan);
    }

    /** An import of {@code rows} valid rows whose last {@code repeated} rows repeat the IDs of the first ones. */
    private long stage(int rows, int repeated) {
        long id = jdbc.sql("""
                        INSERT INTO elder_import (file_name, mode, state, scope_prefix, created_by)
                        VALUES ('plan.xlsx', 'SKIP', 'READING', '330105', 'district') RETURNING id
                        """).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO elder_import_row (import_id, row_no, resident_id, birth_date, name, community_code)
                        SELECT :id, g + 2, '110105' || to_char(date '1930-01-01' + k % 3650, 'YYYYMMDD')
                                   || lpad((k / 3650 + 1)::text, 3, '0') || 'X',
                               date '1930-01-01' + k % 3650, '计划测试' || g, '330105001001'
                        FROM generate_series(0, :rows - 1) g,
                             LATERAL (SELECT CASE WHEN g >= :rows - :repeated THEN g - (:rows - :repeated) ELSE g END AS k) x
                        """).param("id", id).param("rows", rows).param("repeated", repeated).update();
        return id;
    }
}
