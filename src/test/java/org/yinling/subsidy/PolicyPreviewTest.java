package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.TestDates;
import org.yinling.region.RegionScope;
import org.yinling.subsidy.rule.EligibilityFacts;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.RuleEvaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * The preview page counts, per tier, the same elders the Java evaluator picks one by one, and prices them. Over the
 * demo elders and the demo policies, for the whole district and for a street user's narrower scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class PolicyPreviewTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuleQueries queries;
    @Autowired
    PolicyStore store;

    @Test
    void previewCountsEqualAJavaEvaluationOfEveryElderOfTheDistrict() throws Exception {
        for (String code : List.of("GAOLING", "JUJIA")) {
            for (LocalDate on : List.of(LocalDate.of(2026, 3, 1), TestDates.today(), LocalDate.of(2030, 12, 31))) {
                Policy policy = store.current(code, PolicyStatus.PUBLISHED).orElseThrow();
                long[] expected = javaCounts(policy.rule(), "330105", on);
                Document page = Jsoup.parse(mvc.perform(get("/subsidies/policies/" + policy.id() + "/preview")
                                .param("on", on.toString()).with(as("district")))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
                long total = 0;
                BigDecimal cost = BigDecimal.ZERO;
                for (int tier = 0; tier < expected.length; tier++) {
                    assertThat(page.select("#preview-tier-" + tier + " .preview-count").text())
                            .as("%s tier %d on %s", code, tier, on).isEqualTo(Long.toString(expected[tier]));
                    total += expected[tier];
                    cost = cost.add(policy.rule().tiers().get(tier).amount().multiply(BigDecimal.valueOf(expected[tier])));
                }
                assertThat(page.select("#preview-total-elders").text()).isEqualTo(Long.toString(total));
                assertThat(page.select("#preview-total-cost").text().replace(",", ""))
                        .isEqualTo(cost.setScale(2).toPlainString());
                if (code.equals("GAOLING") && on.equals(TestDates.today())) {
                    assertThat(total).as("the demo district has elders of 80 and more").isPositive();
                }
            }
        }
    }

    /** Elders (with the facts the rule reads) of the region prefix, evaluated one by one in Java. */
    private long[] javaCounts(PolicyRule rule, String prefix, LocalDate on) {
        long[] counts = new long[rule.tiers().size()];
        List<Long> ids = jdbc.sql("SELECT id FROM elder WHERE community_code LIKE ?").param(prefix + "%")
                .query(Long.class).list();
        Map<Long, EligibilityFacts> facts = new HashMap<>();
        for (long id : ids) {
            facts.put(id, queries.facts(id, RegionScope.everything()).orElseThrow());
        }
        for (EligibilityFacts elder : facts.values()) {
            int tier = RuleEvaluator.qualifyingTier(rule, elder, on);
            if (tier >= 0) {
                counts[tier]++;
            }
        }
        return counts;
    }
}
