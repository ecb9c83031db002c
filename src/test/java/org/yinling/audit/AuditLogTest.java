package org.yinling.audit;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

@SpringBootTest
@AutoConfigureMockMvc
class AuditLogTest {

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;
    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void eventsCannotBeChangedOrDeleted() {
        transaction.executeWithoutResult(s -> auditLog.recordAs("tester", "TEST_EVENT", "thing", 42, Map.of("before", "a", "after", "b")));
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
        transaction.executeWithoutResult(s -> auditLog.recordAs("viewer-test", "VIEWER_TEST", "thing", 7, Map.of("note", "hello")));
        mvc.perform(get("/admin/audit").param("actor", "viewer-test").with(as("admin")))
                .andExpect(status().isOk())
                // an action without a label reads as "other action", never as its constant
                .andExpect(content().string(containsString("viewer-test 其他操作（记录 编号7）")))
                .andExpect(content().string(containsString("备注：")))
                .andExpect(content().string(not(containsString(">VIEWER_TEST<"))))
                .andExpect(content().string(containsString("共 1 条")));
        mvc.perform(get("/admin/audit").param("actor", "viewer-test").param("action", "LOGIN")
                        .with(as("admin")))
                .andExpect(content().string(containsString("共 0 条")));
    }
}
