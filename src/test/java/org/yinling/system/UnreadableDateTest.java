package org.yinling.system;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yinling.system.TestUsers.as;

/**
 * Issue 20 §5: a date a browser's date input lets one type (a six-digit year) but that is no date we keep. Every form
 * with a date comes back with the form as sent and a message at the date field, in Chinese and English; the small
 * forms that post one date as a parameter go back to their page with the message; nothing is written.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnreadableDateTest {

    private static final String BAD = "202612-01-01";
    private static final String MESSAGE_ZH = "请输入有效日期";
    private static final String MESSAGE_EN = "Enter a valid date";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private AccessFixtures fixtures;

    @BeforeAll
    void records() {
        fixtures = new AccessFixtures(jdbc);
    }

    /** One form with a date: who posts it, where, and the date field. */
    record DateForm(String user, String path, String field) {
    }

    private List<DateForm> forms() {
        return List.of(
                new DateForm("district", "/elders/" + fixtures.elder() + "/deceased", "date"),
                new DateForm("district", "/elders/" + fixtures.elder() + "/moved-out", "date"),
                new DateForm("district", "/elders/" + fixtures.elder() + "/assessments", "assessedOn"),
                new DateForm("district", "/subsidies/policies", "effectiveFrom"),
                new DateForm("district", "/subsidies/policies", "effectiveTo"),
                new DateForm("district", "/subsidies/policies/" + fixtures.draftPolicy(), "effectiveFrom"),
                new DateForm("district", "/institutions", "filingDate"),
                new DateForm("district", "/institutions", "openedOn"),
                new DateForm("district", "/supervision/institutions/" + fixtures.institution() + "/certificates", "expiresOn"),
                new DateForm("district", "/institutions/" + fixtures.institution() + "/admissions", "admittedOn"),
                new DateForm("district", "/caregivers", "certificateExpires"),
                new DateForm("district", "/caregivers/" + fixtures.caregiver(), "certificateExpires"),
                new DateForm("district", "/meal-points", "licenceExpires"),
                new DateForm("district", "/meal-points", "openedOn"),
                new DateForm("district", "/home-care/providers", "contractFrom"),
                new DateForm("district", "/home-care/providers/" + fixtures.homeCareProvider(), "contractTo"),
                new DateForm("district", "/home-care/settings", "effectiveFrom"),
                new DateForm("district", "/home-care/elders/" + fixtures.elder() + "/orders", "day"),
                new DateForm("admin", "/admin/targets", "effectiveFrom"),
                new DateForm("admin", "/admin/targets", "effectiveTo"));
    }

    @Test
    void everyFormWithADateShowsTheDateAsTypedWithAMessageAtTheField() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String language : List.of("zh-CN", "en")) {
            String message = language.equals("en") ? MESSAGE_EN : MESSAGE_ZH;
            for (DateForm form : forms()) {
                MockHttpServletResponse response = mvc.perform(post(form.path()).param(form.field(), BAD)
                                .param("lang", language).with(as(form.user())).with(csrf()))
                        .andReturn().getResponse();
                String where = language + " " + form.path() + " " + form.field();
                if (response.getStatus() != 200) {
                    failures.add(where + ": status " + response.getStatus());
                    continue;
                }
                Document page = Jsoup.parse(response.getContentAsString());
                Element input = page.selectFirst("input[name=" + form.field() + "]");
                if (input == null) {
                    failures.add(where + ": no date input on the page that came back");
                    continue;
                }
                if (!input.hasClass("is-invalid") || !BAD.equals(input.val())) {
                    failures.add(where + ": the input is not marked or lost the text: " + input.outerHtml());
                }
                Element feedback = input.parent().selectFirst(".invalid-feedback");
                if (feedback == null || !feedback.text().contains(message)) {
                    failures.add(where + ": no message at the field: " + (feedback == null ? "-" : feedback.text()));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aRecordedDeathWithAnUnreadableDateChangesNothing() throws Exception {
        long elder = fixtures.elder();
        mvc.perform(post("/elders/{id}/deceased", elder).param("date", BAD).param("reason", "测试")
                .with(as("district")).with(csrf()));
        assertThat(jdbc.sql("SELECT life_status FROM elder WHERE id = ?").param(elder).query(String.class).single())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aSingleDateParameterGoesBackToItsPageWithTheMessage() throws Exception {
        long institution = fixtures.institution();
        String page = "http://localhost/institutions/" + institution;
        List<String[]> posts = List.of(
                new String[] {"/institutions/" + institution + "/stays/" + fixtures.stay() + "/discharge", "date"},
                new String[] {"/waiting-list/" + institution, "appliedOn"},
                new String[] {"/home-care/catalogue/" + fixtures.homeCareItem() + "/prices", "effectiveFrom"});
        for (String[] form : posts) {
            MockHttpServletResponse response = mvc.perform(post(form[0]).param(form[1], BAD)
                            .header("Referer", page).with(as("district")).with(csrf()))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(form[0]).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).as(form[0]).isEqualTo("/institutions/" + institution);
            Object flash = mvc.perform(post(form[0]).param(form[1], BAD).header("Referer", page)
                            .with(as("district")).with(csrf()))
                    .andReturn().getFlashMap().get("flashError");
            assertThat(flash).as(form[0]).isEqualTo("typeMismatch.java.time.LocalDate");
        }
        // from elsewhere (no page of ours to go back to) it stays the bad-request page
        mvc.perform(post(posts.get(0)[0]).param("date", BAD).header("Referer", "http://evil.example/x")
                        .with(as("district")).with(csrf()))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(400));
        // a search with such a date stays a bad request too (there is no form to keep)
        mvc.perform(get("/admin/audit").param("to", BAD).with(as("admin")))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(400));
    }

    @Test
    void dateInputsOfferOnlyFourDigitYears() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/elders/" + fixtures.elder() + "/assessments/new")
                .with(as("district"))).andReturn().getResponse().getContentAsString());
        Element input = page.selectFirst("input[name=assessedOn]");
        assertThat(input).isNotNull();
        assertThat(input.attr("min")).isEqualTo("1900-01-01");
        assertThat(input.attr("max")).isEqualTo("2099-12-31");
    }
}
