package org.yinling.subsidy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The "open application" condition the statements share is the predicate of the partial unique index that keeps one
 * open application per elder and policy code, so that index serves them (and ON CONFLICT infers it as its arbiter).
 */
@SpringBootTest
class OpenStagesIndexTest {

    private static final String INDEX = "subsidy_application_open_uq";
    private static final Pattern PREDICATE = Pattern.compile(" WHERE (.+)$");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theConditionIsThePartialIndexPredicateAsTheDatabaseHoldsIt() {
        String indexdef = jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = ?").param(INDEX)
                .query(String.class).single();
        // the same condition written on an index of a scratch table of the same columns, deparsed by the database
        String ours = inRolledBackTransaction(() -> {
            jdbc.sql("CREATE TEMP TABLE open_stage_probe (LIKE subsidy_application) ON COMMIT DROP").update();
            jdbc.sql("CREATE INDEX open_stage_probe_idx ON open_stage_probe (elder_id, policy_code) WHERE "
                    + ApplicationStages.OPEN_CONDITION).update();
            return jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'open_stage_probe_idx'")
                    .query(String.class).single();
        });
        assertThat(predicate(ours)).isEqualTo(predicate(indexdef));
        // and it lists exactly the stages the Java side calls open
        List<String> quoted = Pattern.compile("'([A-Z_]+)'").matcher(predicate(indexdef)).results()
                .map(m -> m.group(1)).toList();
        assertThat(quoted).containsExactlyElementsOf(ApplicationStages.OPEN.stream().map(Enum::name).toList());
    }

    @Test
    void aStatementUsingTheConditionIsServedByTheIndexAndOneWithAnotherListIsNot() {
        // what automatic enrolment relies on: ON CONFLICT … WHERE <condition> picks the partial index as its arbiter
        assertThat(plan(insertOnConflict(ApplicationStages.OPEN_CONDITION))).contains("Conflict Arbiter Indexes: " + INDEX);
        // the control: a list with a closed stage is not implied by the index's predicate, so no index can arbitrate
        assertThatThrownBy(() -> plan(insertOnConflict(
                "stage IN ('RETURNED', 'STREET_REVIEW', 'DISTRICT_REVIEW', 'PUBLICITY', 'APPROVED')")))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("no unique or exclusion constraint matching the ON CONFLICT specification");
    }

    private static String insertOnConflict(String condition) {
        return """
                INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                    received_on, created_by, updated_by)
                VALUES (1, 1, 'X', '330105001001', 'STREET_REVIEW', 'AUTOMATIC', DATE '2026-01-05', 't', 't')
                ON CONFLICT (elder_id, policy_code) WHERE %s DO NOTHING
                """.formatted(condition);
    }

    /** The plan of a statement, never run (EXPLAIN without ANALYZE), in a transaction rolled back. */
    private String plan(String sql) {
        return inRolledBackTransaction(() -> String.join("\n", jdbc.sql("EXPLAIN " + sql).query(String.class).list()));
    }

    private String inRolledBackTransaction(java.util.function.Supplier<String> work) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    private static String predicate(String indexdef) {
        Matcher matcher = PREDICATE.matcher(indexdef);
        assertThat(matcher.find()).as("a partial index: %s", indexdef).isTrue();
        return matcher.group(1);
    }
}
