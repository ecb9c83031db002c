package org.yinling.system;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** Page numbers and a jump on every paged list, the one street → community filter, and the pending work on home. */
@SpringBootTest
@AutoConfigureMockMvc
class QueuePagesTest {

    private static final String SHANGTANG = "330105001000";
    private static final String XIANGFU_COMMUNITY = "330105002001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void thePagerHasPageNumbersAndAJumpThatKeepsTheFilters() throws Exception {
        Document page = page("district", "/elders?sort=name&page=2");
        Element pager = page.selectFirst(".pager");
        assertThat(pager.select(".page-item.active").text()).isEqualTo("3");
        // the first page, the current one with two either side, and the last
        assertThat(pager.select(".page-link").eachText()).contains("1", "2", "3", "上一页", "下一页");
        assertThat(pager.select("a.page-link").eachAttr("href")).anyMatch(href -> href.endsWith("sort=name&page=0"));
        Element jump = pager.selectFirst("form[data-pager-jump]");
        assertThat(jump.attr("action")).isEqualTo("/elders");
        assertThat(jump.select("input[type=hidden][name=sort]").val()).isEqualTo("name");
        assertThat(jump.select("input[type=hidden][name=page]").val()).isEqualTo("2");
        assertThat(jump.select("input[type=number]").attr("max")).isNotBlank();
        // a page past the end still shows its pager, the last page marked
        int pages = Integer.parseInt(jump.select("input[type=number]").attr("max"));
        Element past = page("district", "/elders?sort=name&page=999999").selectFirst(".pager");
        assertThat(past.select(".page-item.active").text()).isEqualTo(Integer.toString(pages));
        assertThat(page.select("script[src*=/js/pager]")).isNotEmpty();
    }

    @Test
    void theStreetFilterLeavesOnlyItsCommunitiesAndTheServerRefusesAnotherStreetsCommunity() throws Exception {
        for (String list : new String[] {"/elders", "/subsidies/applications", "/home-care/plans"}) {
            Document page = page("district", list + "?street=" + SHANGTANG);
            Element community = page.selectFirst("select#community[data-region-community]");
            assertThat(community).as(list).isNotNull();
            assertThat(page.selectFirst("select#street[data-region-street] option[selected]").val()).isEqualTo(SHANGTANG);
            for (Element option : community.select("option[data-street]")) {
                boolean ofTheStreet = option.attr("data-street").equals(SHANGTANG);
                assertThat(option.hasAttr("disabled")).as(list + " " + option.text()).isEqualTo(!ofTheStreet);
            }
            if (!list.equals("/home-care/plans")) {
                // the registry and the applications offer every community of the district (plans: those with plans)
                assertThat(community.select("option[disabled]")).as(list).isNotEmpty();
            }
            assertThat(community.select("option[data-street=" + SHANGTANG + "]:not([disabled])")).as(list).isNotEmpty();
            assertThat(page.select("script[src*=/js/region-filter]")).as(list).isNotEmpty();
        }
        // a community of another street with the street: nothing, and the community is not shown as chosen
        Document mixed = page("district", "/elders?street=" + SHANGTANG + "&community=" + XIANGFU_COMMUNITY);
        assertThat(mixed.getElementById("elders-table").text()).contains("没有符合条件的记录");
        assertThat(mixed.select("select#community option[selected]")).isEmpty();
    }

    @Test
    void homeAndMenuShowWhatWaitsForTheUserWithLinksToTheLists() throws Exception {
        long waiting = jdbc.sql("""
                        SELECT count(*) FROM subsidy_application WHERE stage = 'STREET_REVIEW' AND community_code LIKE '330105001%'
                        """).query(Long.class).single();
        Document home = page("street", "/");
        if (waiting > 0) {
            Element reviews = home.getElementById("pending-pending-reviews");
            assertThat(reviews.attr("href")).isEqualTo("/subsidies/reviews");
            assertThat(reviews.select(".badge").text()).isEqualTo(Long.toString(waiting));
            assertThat(home.getElementById("nav-pending")).isNotNull();
            assertThat(home.select("a[href=/subsidies/reviews] .nav-pending").text()).isEqualTo(Long.toString(waiting));
        }
        // a manager reviews nothing: no pending card
        assertThat(page("manager", "/").getElementById("pending-pending-reviews")).isNull();
        // an elder import of the community's own, checked and not confirmed, waits for its confirmation
        jdbc.sql("""
                        INSERT INTO elder_import (file_name, mode, state, scope_prefix, created_by)
                        VALUES ('待确认.xlsx', 'SKIP', 'VALIDATED', '330105001001', 'community')
                        """).update();
        Element imports = page("community", "/").getElementById("pending-pending-imports");
        assertThat(imports.attr("href")).isEqualTo("/elders/imports");
        assertThat(imports.text()).contains("已校验待确认导入");
    }

    /**
     * The counts are kept in the session for a minute (a district's run over the whole district), so moving between
     * pages does not count again; anything the user posts drops them, so the page after a decision is current.
     */
    @Test
    void theCountsAreKeptWhileBrowsingAndCountedAgainAfterThePostsOfTheUser() throws Exception {
        // a real session (Spring Session keeps it in the database), as a browser has after logging in
        var login = mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                        .formLogin("/login").user("community").password("yinling"))
                .andReturn().getResponse();
        jakarta.servlet.http.Cookie session = login.getCookie("SESSION");
        assertThat(session).as("session cookie after login").isNotNull();
        jdbc.sql("""
                        INSERT INTO elder_import (file_name, mode, state, scope_prefix, created_by)
                        VALUES ('会话一.xlsx', 'SKIP', 'VALIDATED', '330105001001', 'community')
                        """).update();
        long before = imports(session);
        jdbc.sql("""
                        INSERT INTO elder_import (file_name, mode, state, scope_prefix, created_by)
                        VALUES ('会话二.xlsx', 'SKIP', 'VALIDATED', '330105001001', 'community')
                        """).update();
        assertThat(imports(session)).as("kept while browsing").isEqualTo(before);
        // any post of the user (here a password change refused for a wrong current password) drops the kept counts
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/account/password")
                .cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("currentPassword", "wrong").param("newPassword", "x").param("confirmPassword", "x"));
        assertThat(imports(session)).as("counted again after a post").isEqualTo(before + 1);
    }

    private long imports(jakarta.servlet.http.Cookie session) throws Exception {
        Document home = Jsoup.parse(mvc.perform(get("/").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        return Long.parseLong(home.getElementById("pending-pending-imports").select(".badge").text());
    }

    private Document page(String user, String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}
