package org.yinling.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class AuditLogTest {

    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void anEventIsRecordedOnlyInsideTheTransactionOfItsChange() {
        assertThatThrownBy(() -> auditLog.recordAs("tester", "OUTSIDE_TEST", "thing", 1, null))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> auditLog.record("OUTSIDE_TEST", "thing", 1, null))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(count("OUTSIDE_TEST")).isZero();
    }

    @Test
    void aChangeThatFailsTakesItsAuditRowWithIt() {
        // the audit row is written first; the change after it breaks a constraint, so neither is committed
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            auditLog.recordAs("tester", "FAILED_CHANGE_TEST", "region", "330105000000", Map.of("name", "x"));
            jdbc.sql("INSERT INTO region (code, level, name) VALUES ('330105000000', 'DISTRICT', 'again')").update();
        })).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(count("FAILED_CHANGE_TEST")).isZero();
    }

    @Test
    void aSetBasedChangeRecordsOneEventPerRecordInOrder() {
        transaction.executeWithoutResult(status -> auditLog.recordAllAs("tester", "SET_TEST", "thing", List.of(
                new AuditLog.Entry(3, Map.of("date", "2026-01-02")), new AuditLog.Entry(1, null),
                new AuditLog.Entry(2, Map.of("reason", "死亡 \"证明\"", "n", 7)))));
        assertThat(jdbc.sql("SELECT entity_id || ':' || coalesce(details::text, '') FROM audit_event WHERE action = 'SET_TEST' ORDER BY id")
                .query(String.class).list())
                .containsExactly("3:{\"date\": \"2026-01-02\"}", "1:", "2:{\"n\": 7, \"reason\": \"死亡 \\\"证明\\\"\"}");
        transaction.executeWithoutResult(status -> auditLog.recordAllAs("tester", "SET_TEST", "thing", List.of()));
        assertThat(count("SET_TEST")).isEqualTo(3);
    }

    private int count(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ?").param(action).query(Integer.class).single();
    }

    @Test
    void eventsCannotBeChangedOrDeleted() {
        transaction.executeWithoutResult(status ->
                auditLog.recordAs("tester", "TEST_EVENT", "thing", 42, Map.of("before", "a", "after", "b")));
        assertThat(jdbc.sql("SELECT details->>'after' FROM audit_event WHERE action = 'TEST_EVENT'")
                .query(String.class).single()).isEqualTo("b");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone else' WHERE action = 'TEST_EVENT'").update())
                .hasMessageContaining("insert-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE action = 'TEST_EVENT'").update())
                .hasMessageContaining("insert-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update()).hasMessageContaining("insert-only");
    }

    @Test
    void viewerFiltersByActorAndAction() throws Exception {
        transaction.executeWithoutResult(status ->
                auditLog.recordAs("viewer-test", "VIEWER_TEST", "thing", 7, Map.of("note", "hello")));
        mvc.perform(get("/admin/audit").param("actor", "viewer-test").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("VIEWER_TEST")))
                .andExpect(content().string(containsString("共 1 条")));
        mvc.perform(get("/admin/audit").param("actor", "viewer-test").param("action", "LOGIN")
                        .with(user(users.loadUserByUsername("admin"))))
                .andExpect(content().string(containsString("共 0 条")));
    }
}
