package org.yinling.region;

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
 * community a believable population that only weighs where the demo elders live; once they are there, each demo
 * community's population is set so that its active elders (all 60+) are 17–24 % of it (a stable draw per community),
 * about 20 % for the district, the ageing ratio of an urban district in Zhejiang, whatever number of demo elders was
 * asked for. Scaling every community alike keeps the elders spread as before (a later, larger generation draws from
 * the same shares, give or take the sampling noise). Runs on every start and changes only communities whose figure
 * differs, which is none once the elders stop changing; a community without demo elders keeps its population.
 */
@Component
@Order(DemoPopulation.ORDER)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoPopulation implements ApplicationRunner {

    /** After the demo elders (30), before the policies (40). */
    static final int ORDER = 35;
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
                        UPDATE region r SET registered_population = x.population
                        FROM (SELECT c.code,
                                     round(t.elders * 100.0 / (17 + abs(hashtext(c.code)) % 8))::int AS population
                              FROM region c
                              JOIN (SELECT community_code, sum(elders) AS elders FROM elder_tally
                                    WHERE life_status = 'ACTIVE' GROUP BY 1) t ON t.community_code = c.code
                              WHERE c.level = 'COMMUNITY' AND c.demo AND c.code LIKE :district AND t.elders > 0) x
                        WHERE r.code = x.code AND r.registered_population IS DISTINCT FROM x.population
                        """)
                .param("district", DemoRegions.DISTRICT_CODE.substring(0, 6) + "%")
                .update();
        if (changed > 0) {
            regions.changed();
            log.info("Demo population: {} communities' registered population set for an ageing ratio of about 20 %",
                    changed);
        }
    }
}
