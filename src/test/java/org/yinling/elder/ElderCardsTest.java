package org.yinling.elder;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.account.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * The elder page's cards of other modules come from their {@link ElderCard} beans: the same cards, in the same order,
 * with the same titles and the same bodies as when the page named them itself; the page's template names none.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ElderCardsTest {

    private static final Pattern CARD = Pattern.compile(
            "<div class=\"card mb-3\" id=\"([a-z-]+)\">\\s*<div class=\"card-header\">([^<]+)</div>\\s*"
                    + "<div (class=\"card-body p-0\" )?hx-trigger=\"load\" hx-swap=\"(outerHTML|innerHTML)\" hx-get=\"([^\"]+)\">");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ElderCards cards;

    @Test
    void theCardsOfOtherModulesShowInTheirOrderInBothLanguages() throws Exception {
        long id = jdbc.sql("SELECT min(id) FROM elder WHERE community_code = '330105001001' AND life_status = 'ACTIVE'")
                .query(Long.class).single();
        for (String username : List.of("district", "street", "community", "manager")) {
            assertThat(cards(id, "zh-CN", username)).containsExactly(
                    "subsidy-summary 补贴 outerHTML /subsidies/elders/" + id + "/summary",
                    "payment-history 补贴发放记录 innerHTML /payments/elders/" + id + "/history",
                    "institution-stays 入住养老机构 innerHTML /institutions/elders/" + id + "/stays",
                    "meal-history 助餐记录 innerHTML /meal-points/elders/" + id + "/meals",
                    "home-care 居家上门服务 outerHTML /home-care/elders/" + id + "/summary");
        }
        assertThat(cards(id, "en", "district")).containsExactly(
                "subsidy-summary Subsidies outerHTML /subsidies/elders/" + id + "/summary",
                "payment-history Payments innerHTML /payments/elders/" + id + "/history",
                "institution-stays Stays in care institutions innerHTML /institutions/elders/" + id + "/stays",
                "meal-history Meals innerHTML /meal-points/elders/" + id + "/meals",
                "home-care Home care outerHTML /home-care/elders/" + id + "/summary");
    }

    @Test
    void aCardShowsOnlyToItsRolesInItsOrder() {
        ElderCard districtOnly = new ElderCard("late", "x", "/x/{id}", 900, Set.of("DISTRICT_STAFF"), ElderCard.Body.FILLS);
        ElderCard everyone = new ElderCard("early", "y", "/y/{id}", 10, Set.of("DISTRICT_STAFF", "MANAGER"),
                ElderCard.Body.REPLACES);
        ElderCards contributed = new ElderCards(List.of(districtOnly, everyone));
        assertThat(contributed.visibleTo((CurrentUser) users.loadUserByUsername("district")))
                .containsExactly(everyone, districtOnly);
        assertThat(contributed.visibleTo((CurrentUser) users.loadUserByUsername("manager"))).containsExactly(everyone);
        assertThat(contributed.visibleTo((CurrentUser) users.loadUserByUsername("community"))).isEmpty();
        assertThat(cards.visibleTo((CurrentUser) users.loadUserByUsername("community"))).hasSize(5);
    }

    @Test
    void theElderPageNamesNoOtherModulesPages() throws Exception {
        String template;
        try (InputStream in = getClass().getResourceAsStream("/templates/elders/detail.html")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(template).doesNotContain("/subsidies", "/payments", "/institutions", "/meal-points");
    }

    private List<String> cards(long elderId, String language, String username) throws Exception {
        String html = mvc.perform(get("/elders/{id}", elderId).param("lang", language)
                        .with(as(username)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        Matcher card = CARD.matcher(html);
        while (card.find()) {
            found.add(card.group(1) + " " + card.group(2) + " " + card.group(4) + " " + card.group(5));
        }
        return found;
    }
}
