package org.yinling.institution;

import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * The institution page of a large home (issue 20 §7): its beds come a page at a time, and the free beds a transfer
 * may go to are loaded when the user asks to transfer someone, not listed again in every occupied bed's row (a home of
 * 300 beds was 3.8 MB of HTML).
 */
@SpringBootTest
@AutoConfigureMockMvc
class InstitutionBedPagingTest {

    private static final String LANTIAN = "330105001001";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(300);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aLargeHomeShowsOnePageOfBedsWithAPageControl() throws Exception {
        long home = homeWithBeds("蓝天分页养老院", 120);
        admit(home, 0);
        admit(home, 1);

        Document first = page("/institutions/" + home, "district");
        assertThat(first.select("#beds-table tbody tr")).hasSize(InstitutionController.BED_PAGE_SIZE);
        assertThat(first.select(".pager").text()).contains("共 120 条").contains("第 1/3 页");
        assertThat(first.select(".pager a.page-link").eachAttr("href")).contains("/institutions/" + home + "?page=1");
        // the admission form still offers every free bed, once
        assertThat(choices(first.select("#admission-form select[name=bedId]"))).isEqualTo(118);

        Document last = page("/institutions/" + home + "?page=2", "district");
        assertThat(last.select("#beds-table tbody tr")).hasSize(20);
        assertThat(last.select("#beds-table tbody tr").last().text()).contains("120");
    }

    @Test
    void theFreeBedsForATransferAreLoadedOnDemand() throws Exception {
        long home = homeWithBeds("蓝天转床养老院", 60);
        long stay = admit(home, 0);
        admit(home, 1);

        Document detail = page("/institutions/" + home, "street");
        // no list of beds in the occupied rows: a button that asks for the form
        assertThat(detail.select("#beds-table select")).isEmpty();
        String path = "/institutions/" + home + "/stays/" + stay + "/transfer";
        assertThat(detail.select("#beds-table a.transfer-open").eachAttr("hx-get")).contains(path);

        // htmx asks for the form alone: the free beds (58) and nothing of the layout
        String fragment = mvc.perform(get(path).header("HX-Request", "true").with(as("street")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document form = Jsoup.parseBodyFragment(fragment);
        assertThat(choices(form.select("select[name=bedId]"))).isEqualTo(58);
        assertThat(form.select("form").attr("action")).isEqualTo(path);
        assertThat(fragment).doesNotContain("navbar");
        // without script the same form is a page of its own
        assertThat(page(path, "street").select("nav.navbar")).hasSize(1);

        // it is for those who may transfer, and for open stays of the institution only
        mvc.perform(get(path).with(as("manager"))).andExpect(status().isForbidden());
        mvc.perform(get("/institutions/" + home + "/stays/" + (stay + 100_000) + "/transfer").with(as("street")))
                .andExpect(status().isNotFound());
    }

    /** The options of a select that choose something (not the "please choose" one). */
    private static long choices(org.jsoup.select.Elements select) {
        return select.select("option").stream().filter(option -> !option.val().isEmpty()).count();
    }

    private Document page(String path, String user) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private long homeWithBeds(String name, int beds) throws Exception {
        String location = mvc.perform(post("/institutions").with(as("district")).with(csrf())
                        .param("name", name).param("kind", "PRIVATE_HOME").param("ownership", "PRIVATE")
                        .param("communityCode", LANTIAN).param("status", "OPERATING").param("medicalArrangement", "AGREEMENT"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long home = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/institutions/{id}/beds", home).param("room", "A").param("from", "1")
                .param("to", Integer.toString(beds)).with(as("district")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return home;
    }

    /** Admits a new elder of 蓝天社区 to the home's bed A-{index + 1}; the stay's id. */
    private long admit(long home, int index) throws Exception {
        int n = SEQUENCE.incrementAndGet();
        String residentId = "11010519460202" + "%03d".formatted(n % 1000) + "X";
        jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'FEMALE', DATE '1946-02-02', TRUE, ?, 'ALONE', 'NONE', 'test', 'test')
                        """)
                .params(residentId, "分页院测" + n, LANTIAN).update();
        long bed = jdbc.sql("SELECT id FROM bed WHERE institution_id = ? AND label = ?")
                .params(home, Integer.toString(index + 1)).query(Long.class).single();
        mvc.perform(post("/institutions/{id}/admissions", home).with(as("district")).with(csrf())
                        .param("residentId", residentId).param("bedId", Long.toString(bed))
                        .param("admittedOn", TestDates.today().minusDays(1).toString()).param("payer", "FAMILY"))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("SELECT id FROM stay WHERE bed_id = ? AND ended_on IS NULL").param(bed).query(Long.class).single();
    }
}
