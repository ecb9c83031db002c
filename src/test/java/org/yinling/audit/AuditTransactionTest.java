package org.yinling.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An audit row exists exactly when its change was committed: the log joins the change's transaction or refuses. */
@SpringBootTest
class AuditTransactionTest {

    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void anEventIsRecordedOnlyInsideTheTransactionOfItsChange() {
        assertThatThrownBy(() -> auditLog.recordAs("tester", "OUTSIDE_TEST", "thing", 1, null))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> auditLog.record("OUTSIDE_TEST", "thing", 1, null))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> auditLog.recordAllAs("tester", "OUTSIDE_TEST", "thing",
                List.of(new AuditLog.Entry(1, null))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(count("OUTSIDE_TEST")).isZero();
    }

    @Test
    void aChangeThatFailsTakesItsAuditRowWithIt() {
        // the audit row is written first; the change after it breaks a constraint, so neither is committed
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            auditLog.recordAs("tester", "FAILED_CHANGE_TEST", "region", "330105000000", Map.of("name", "again"));
            jdbc.sql("INSERT INTO region (code, level, name) VALUES ('330105000000', 'DISTRICT', 'again')").update();
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(count("FAILED_CHANGE_TEST")).isZero();
    }

    @Test
    void anAuditThatFailsTakesItsChangeWithIt() {
        // PostgreSQL refuses a NUL character in jsonb: the audit row fails after the change, so the change is not
        // committed either
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE region SET name = 'should not stay' WHERE code = '330105000000'").update();
            auditLog.recordAs("tester", "REFUSED_AUDIT_TEST", "region", "330105000000", Map.of("name", "a\u0000b"));
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("SELECT name FROM region WHERE code = '330105000000'").query(String.class).single())
                .isNotEqualTo("should not stay");
        assertThat(count("REFUSED_AUDIT_TEST")).isZero();
    }

    @Test
    void aSetBasedChangeRecordsOneEventPerRecordInOrder() {
        transaction.executeWithoutResult(status -> auditLog.recordAllAs("tester", "SET_TEST", "thing", List.of(
                new AuditLog.Entry(3, Map.of("date", "2026-01-02")), new AuditLog.Entry(1, null),
                new AuditLog.Entry(2, Map.of("reason", "死亡 \"证明\"", "n", 7)))));
        assertThat(jdbc.sql("""
                        SELECT entity_id || ':' || coalesce(details::text, '') FROM audit_event
                        WHERE action = 'SET_TEST' ORDER BY id
                        """).query(String.class).list())
                .containsExactly("3:{\"date\": \"2026-01-02\"}", "1:", "2:{\"n\": 7, \"reason\": \"死亡 \\\"证明\\\"\"}");
        transaction.executeWithoutResult(status -> auditLog.recordAllAs("tester", "SET_TEST", "thing", List.of()));
        assertThat(count("SET_TEST")).isEqualTo(3);
    }

    private int count(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ?").param(action).query(Integer.class).single();
    }
}
