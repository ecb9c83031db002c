package org.yinling.subsidy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "open application" condition the statements share is the predicate of the partial unique index that keeps one
 * open application per elder and policy code, so that index serves them (and ON CONFLICT infers it).
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
    void aStatementUsingTheConditionCanUseTheIndexAndOneWithAnotherListCannot() {
        assertThat(plan("SELECT id FROM subsidy_application WHERE elder_id = 1 AND policy_code = 'X' AND "
                + ApplicationStages.OPEN_CONDITION)).contains(INDEX);
        // the control: a closed stage in the list, so the partial index does not cover the rows asked for
        assertThat(plan("SELECT id FROM subsidy_application WHERE elder_id = 1 AND policy_code = 'X' AND "
                + "stage IN ('RETURNED', 'STREET_REVIEW', 'DISTRICT_REVIEW', 'PUBLICITY', 'APPROVED')"))
                .doesNotContain(INDEX);
    }

    /** The plan with sequential scans ruled out: whether the index can serve the statement, not whether it pays. */
    private String plan(String sql) {
        return inRolledBackTransaction(() -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + sql).query(String.class).list());
        });
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
