package org.yinling.subsidy;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Issue 20 §3, the subsidy's paper: the publicity notice is issued by the bureau (its name, and the address and
 * telephone for objections, as set by the administrator), one sheet per community with a page break between them or
 * one community alone; the application and approval form (审批表) shows the applicant, the eligibility table and each
 * stage's decision by the decider's name, with boxes for signatures and stamps.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PaperTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    PolicyStore policyStore;

    ApplicationTestSupport t;

    @BeforeEach
    void setUp() {
        t = new ApplicationTestSupport(mvc, jdbc, policyStore, passwordEncoder);
    }

    @Test
    void theNoticeIsIssuedByTheBureauOneSheetPerCommunityOrOneCommunity() throws Exception {
        Policy policy = t.agePolicy();
        long lantian = t.register(t.elderAged("纸面蓝天", 85, ApplicationTestSupport.LANTIAN), policy);
        long guashan = registerInGuashan(t.elderAged("纸面瓜山", 86, ApplicationTestSupport.GUASHAN), policy);
        for (long id : List.of(lantian, guashan)) {
            assertThat(t.decide("street", id, "APPROVE", "").getResponse().getStatus()).isEqualTo(302);
            assertThat(t.decide("district", id, "APPROVE", "").getResponse().getStatus()).isEqualTo(302);
            assertThat(t.stage(id)).isEqualTo("PUBLICITY");
        }
        // the administrator sets the district's bureau; an empty name is refused and changes nothing
        mvc.perform(post("/admin/bureaux/" + ApplicationTestSupport.DISTRICT).with(as("admin")).with(csrf())
                        .param("name", " ").param("address", "x").param("phone", "y"))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/bureaux/" + ApplicationTestSupport.DISTRICT).with(as("admin")).with(csrf())
                        .param("name", "拱墅区民政局").param("address", "台州路 2 号").param("phone", "0571-88000000"))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("SELECT name FROM issuing_bureau WHERE region_code = ?")
                .param(ApplicationTestSupport.DISTRICT).query(String.class).single()).isEqualTo("拱墅区民政局");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ISSUING_BUREAU_SET' AND entity_id = ?")
                .param(ApplicationTestSupport.DISTRICT).query(Long.class).single()).isPositive();
        assertThat(page(get("/admin/bureaux").with(as("admin"))).select("input[value=0571-88000000]")).hasSize(1);

        // the whole street in one go: a sheet per community, the second after a page break, each stamped by the bureau
        Document street = page(get("/subsidies/publicity/notice").param("street", "330105001000").with(as("street")));
        List<Element> sheets = street.select("section.notice-sheet");
        List<String> communities = sheets.stream().map(s -> s.attr("data-community")).toList();
        assertThat(communities).contains(ApplicationTestSupport.LANTIAN, ApplicationTestSupport.GUASHAN);
        assertThat(sheets.get(0).hasClass("page-break")).isFalse();
        assertThat(sheets.subList(1, sheets.size())).allMatch(s -> s.hasClass("page-break"));
        Element lantianSheet = sheets.get(communities.indexOf(ApplicationTestSupport.LANTIAN));
        assertThat(lantianSheet.select(".notice-heading").text()).startsWith("蓝天社区");
        assertThat(lantianSheet.text()).contains("纸面蓝天").doesNotContain("纸面瓜山");
        assertThat(lantianSheet.select(".notice-issuer").text()).isEqualTo("拱墅区民政局");
        assertThat(lantianSheet.select(".notice-objection").text()).contains("台州路 2 号").contains("0571-88000000");
        assertThat(street.select(".notice-issuer").eachText()).doesNotContain("上塘街道");
        assertThat(street.select("thead")).hasSameSizeAs(sheets);

        // one community: only its sheet
        Document one = page(get("/subsidies/publicity/notice").param("community", ApplicationTestSupport.GUASHAN)
                .with(as("street")));
        assertThat(one.select("section.notice-sheet")).hasSize(1);
        assertThat(one.text()).contains("纸面瓜山").doesNotContain("纸面蓝天");
    }

    @Test
    void theApprovalFormShowsEachStageByNameWithSignatureAndStampBoxes() throws Exception {
        Policy policy = t.agePolicy();
        long elderId = t.elderAged("审批表测试", 92, ApplicationTestSupport.LANTIAN);
        long id = t.register(elderId, policy);
        assertThat(t.decide("street", id, "APPROVE", "情况属实").getResponse().getStatus()).isEqualTo(302);
        assertThat(t.decide("district", id, "APPROVE", "").getResponse().getStatus()).isEqualTo(302);
        String streetName = displayName("street");
        String districtName = displayName("district");
        String clerkName = displayName("community");

        Document form = page(get("/subsidies/applications/" + id + "/form").with(as("district")));
        assertThat(form.select("#approval-form-title").text()).contains(policy.name()).contains("审批表");
        assertThat(form.select("#approval-applicant").text()).contains("审批表测试").contains(t.maskedId(elderId))
                .contains("蓝天社区");
        assertThat(form.select("#approval-eligibility").text()).contains("符合条件").contains("年龄（周岁）");
        Element community = form.selectFirst("#approval-stages tr[data-stage=community]");
        Element street = form.selectFirst("#approval-stages tr[data-stage=street]");
        Element district = form.selectFirst("#approval-stages tr[data-stage=district]");
        assertThat(community.text()).contains(clerkName);
        assertThat(street.text()).contains(streetName).contains("同意").contains("情况属实");
        assertThat(district.text()).contains(districtName);
        // names, not logins; a signature and a stamp box on every stage
        assertThat(form.select("#approval-stages td").eachText()).doesNotContain("street", "district", "community");
        assertThat(form.select("#approval-stages .signature-box")).hasSize(3);
        assertThat(form.select("#approval-stages .stamp-box")).hasSize(3);
        assertThat(form.select("#approval-stages thead")).hasSize(1);

        // in English too, and the detail page links to it and shows the deciders by name
        Document en = page(get("/subsidies/applications/" + id + "/form").with(as("district")).param("lang", "en"));
        assertThat(en.select("#approval-stages").text()).contains("Street office: review").contains(streetName);
        Document detail = page(get("/subsidies/applications/" + id).with(as("district")));
        assertThat(detail.select("#application-print-form").attr("href")).endsWith("/subsidies/applications/" + id + "/form");
        assertThat(detail.select("#decision-log").text()).contains(streetName).contains(districtName);
    }

    private long registerInGuashan(long elderId, Policy policy) throws Exception {
        MvcResult result = mvc.perform(post("/subsidies/applications").with(as("guashan.clerk")).with(csrf())
                        .param("elderId", String.valueOf(elderId)).param("policyId", String.valueOf(policy.id()))
                        .param("payeeBank", "中国农业银行").param("payeeAccount", "6228480000000000002"))
                .andExpect(status().isFound()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String displayName(String username) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE username = ?").param(username)
                .query(String.class).single();
    }

    private Document page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        return Jsoup.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
