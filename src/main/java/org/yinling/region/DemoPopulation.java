package org.yinling.region;

import java.math.BigDecimal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo communities' registered population, after the demo elders (issue 20 §8): {@link DemoRegions} gives each
 * community a believable population, which weighs where the demo elders live; once they are there, every demo
 * community's population is scaled by one factor so that the district's active elders with local 户籍 (all 60+) are
 * 20 % of it, the ageing ratio (registered elders ÷ registered population, issue 21 §4) of an urban district in Zhejiang, whatever number of demo elders was asked for (counting the demo's
 * own elders, not those registered since). One factor for all
 * keeps the shares, so elders generated later are spread as before. Runs on every start and changes nothing while the
 * district's ratio is within a point of 20 %.
 */
@Component
@Order(DemoPopulation.ORDER)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoPopulation implements ApplicationRunner {

    /** After the demo elders (30), before the policies (40). */
    static final int ORDER = 35;
    /** Active elders (all 60+) per registered resident. */
    static final BigDecimal RATIO = new BigDecimal("0.20");
    private static final Logger log = LoggerFactory.getLogger(DemoPopulation.class);

    private final JdbcClient jdbc;
    private final Regions regions;

    DemoPopulation(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int changed = jdbc.sql("""
                        WITH community AS (
                            SELECT code, registered_population AS population FROM region
                            WHERE level = 'COMMUNITY' AND demo AND code LIKE :district AND registered_population > 0),
                        district AS (
                            -- the demo's own elders only: elders that people (or tests) register later must not
                            -- rescale the population under the months already reported
                            SELECT (SELECT count(*) FROM elder
                                    WHERE demo AND hukou_local AND life_status = 'ACTIVE'
                                      AND community_code LIKE :district) AS elders,
                                   (SELECT sum(population) FROM community) AS population)
                        UPDATE region r
                        SET registered_population = greatest(1, round(c.population * d.elders / (:ratio * d.population)))
                        FROM community c CROSS JOIN district d
                        WHERE r.code = c.code AND d.elders > 0
                          AND d.elders NOT BETWEEN (:ratio - 0.01) * d.population AND (:ratio + 0.01) * d.population
                        """)
                .param("district", DemoRegions.DISTRICT_CODE.substring(0, 6) + "%")
                .param("ratio", RATIO)
                .update();
        if (changed > 0) {
            regions.changed();
            log.info("Demo population: {} communities' registered population scaled for an ageing ratio of 20 %",
                    changed);
        }
    }
}
