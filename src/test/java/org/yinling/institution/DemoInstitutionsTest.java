package org.yinling.institution;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo institutions exist once, with beds, residents within the rules, caregivers and a waiting list. */
@SpringBootTest
class DemoInstitutionsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoInstitutions demo;

    @Test
    void demoInstitutionsAreAddedOnceAndKeepTheRules() {
        int institutions = count("SELECT count(*) FROM institution WHERE demo");
        int stays = count("SELECT count(*) FROM stay");
        assertThat(institutions).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM bed b JOIN institution i ON i.id = b.institution_id WHERE i.demo")).isEqualTo(610);
        assertThat(count("SELECT count(*) FROM stay s JOIN institution i ON i.id = s.institution_id WHERE i.demo")).isPositive();
        assertThat(count("SELECT count(*) FROM caregiver c JOIN institution i ON i.id = c.institution_id WHERE i.demo")).isPositive();
        // the private home of 120 beds has only an agreement: the seed 002 flag has something to show
        assertThat(count("""
                SELECT count(*) FROM institution i WHERE i.demo AND i.medical_arrangement = 'AGREEMENT'
                  AND (SELECT count(*) FROM bed WHERE institution_id = i.id) > 100""")).isEqualTo(1);
        // the publicly built, privately run home keeps 30 % of its 80 beds: at most 56 others staying
        assertThat(count("""
                SELECT count(*) FROM stay s JOIN institution i ON i.id = s.institution_id
                WHERE i.ownership = 'PUBLIC_BUILT_PRIVATE_RUN' AND i.demo AND NOT s.extreme_poverty AND s.ended_on IS NULL""")).isLessThanOrEqualTo(56);

        demo.run(null);

        assertThat(count("SELECT count(*) FROM institution WHERE demo")).isEqualTo(institutions);
        assertThat(count("SELECT count(*) FROM stay")).isEqualTo(stays);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
