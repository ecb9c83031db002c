package org.yinling.elder;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo district's assessment agencies (issue 21 §5: a new assessment names its agency), marked as demo in their
 * names; added once, after the demo elders.
 */
@Component
@Order(DemoElders.ORDER + 1)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoAssessmentAgencies implements ApplicationRunner {

    private final JdbcClient jdbc;

    DemoAssessmentAgencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("""
                        INSERT INTO assessment_agency (name, region_code, created_by)
                        SELECT name, :district, :by FROM (VALUES ('拱墅区老年人能力评估中心（演示）'),
                                                                  ('银龄评估服务社（演示）')) AS a (name)
                        WHERE EXISTS (SELECT 1 FROM region WHERE code = :district)
                        ON CONFLICT (region_code, name) DO NOTHING
                        """)
                .param("district", DemoElders.DISTRICT + "000000").param("by", DemoElders.CREATED_BY)
                .update();
    }
}
