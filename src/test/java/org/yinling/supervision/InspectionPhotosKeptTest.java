package org.yinling.supervision;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Photos taken during an inspection survive a form that comes back with errors: they are held for the open
 * inspection (the inspector's own, nobody else may see or refer to them), shown on the form to keep, and linked to the
 * item when the corrected form is submitted without taking them again; dropped when unticked, and cleaned up.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class InspectionPhotosKeptTest {

    static final String LANTIAN = "330105001001";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    java.time.Clock clock;

    long inspection;
    List<Long> items;
    long fire;

    @BeforeEach
    void setUp() throws Exception {
        long home = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, created_by, updated_by)
                        VALUES ('照片暂存测试院', 'PRIVATE_HOME', 'PRIVATE', ?, 'test', 'test') RETURNING id
                        """).param(LANTIAN).query(Long.class).single();
        String location = mvc.perform(post("/supervision/inspections").with(as("street")).with(csrf())
                        .param("institutionId", Long.toString(home)))
                .andExpect(redirectedUrlPattern("/supervision/inspections/*")).andReturn().getResponse().getRedirectedUrl();
        inspection = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        items = jdbc.sql("""
                        SELECT it.id FROM supervision_checklist_item it JOIN supervision_inspection s ON s.checklist_id = it.checklist_id
                        WHERE s.id = ? ORDER BY it.position
                        """).param(inspection).query(Long.class).list();
        fire = items.get(0);
    }

    /** The form with every item answered (the fire item failed) and the inspector's name; the representative optional. */
    private MockMultipartHttpServletRequestBuilder form(String user, String representative) {
        MockMultipartHttpServletRequestBuilder form = multipart("/supervision/inspections/{id}", inspection);
        form.with(as(user)).with(csrf()).param("inspectorName", "李强").param("note_" + fire, "灭火器过期");
        if (representative != null) {
            form.param("representativeName", representative);
        }
        for (long item : items) {
            form.param("outcome_" + item, item == fire ? "FAIL" : "PASS");
        }
        return form;
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private long heldAfterAFormWithErrors() throws Exception {
        // the representative's name is missing: the form comes back, the photo is held
        String page = mvc.perform(form("street", null).file(new MockMultipartFile("photo_" + fire, "fire.png", "image/png", PNG)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"photos-held\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(count("SELECT count(*) FROM supervision_result WHERE inspection_id = ?", inspection)).isZero();
        long held = jdbc.sql("""
                        SELECT id FROM supervision_attachment WHERE pending_inspection_id = ? AND pending_item_id = ?
                          AND uploaded_by = 'street' AND inspection_id IS NULL
                        """).params(inspection, fire).query(Long.class).single();
        assertThat(page).contains("name=\"keep_" + fire + "\" value=\"" + held + "\"")
                .contains("/supervision/attachments/" + held);
        return held;
    }

    @Test
    void aPhotoTakenWithAFormThatCameBackIsOnTheInspectionAfterTheCorrectedSubmitWithoutTakingItAgain() throws Exception {
        long held = heldAfterAFormWithErrors();
        // the inspector sees it; nobody else, even within the region
        mvc.perform(get("/supervision/attachments/{id}", held).with(as("street"))).andExpect(status().isOk());
        mvc.perform(get("/supervision/attachments/{id}", held).with(as("district"))).andExpect(status().isNotFound());
        // the form opened again shows it to keep
        mvc.perform(get("/supervision/inspections/{id}", inspection).with(as("street")))
                .andExpect(content().string(containsString("name=\"keep_" + fire + "\"")));

        mvc.perform(form("street", "王院长").param("keep_" + fire, Long.toString(held)))
                .andExpect(redirectedUrl("/supervision/inspections/" + inspection));
        assertThat(count("SELECT count(*) FROM supervision_attachment WHERE id = ? AND inspection_id = ? AND item_id = ? AND pending_inspection_id IS NULL",
                held, inspection, fire)).isEqualTo(1);
        long finding = jdbc.sql("SELECT id FROM supervision_finding WHERE inspection_id = ?").param(inspection)
                .query(Long.class).single();
        mvc.perform(get("/supervision/findings/{id}", finding).with(as("district")))
                .andExpect(content().string(containsString("/supervision/attachments/" + held)));
        mvc.perform(get("/supervision/attachments/{id}", held).with(as("district"))).andExpect(status().isOk());
        // every view of the photo is audited (the inspector's and the district's), a refused one not
        assertThat(count("""
                SELECT count(*) FROM audit_event WHERE action = 'SUPERVISION_ATTACHMENT_VIEWED'
                  AND entity = 'supervision_attachment' AND entity_id = ?""", Long.toString(held))).isEqualTo(2);
        assertThat(count("""
                SELECT count(*) FROM audit_event WHERE entity = 'supervision_inspection' AND entity_id = ?
                  AND action IN ('SUPERVISION_INSPECTION_PHOTOS_HELD', 'SUPERVISION_INSPECTION_SUBMITTED')
                """, Long.toString(inspection))).isEqualTo(2);
    }

    @Test
    void nobodyElseCanReferToTheHeldPhotoAndAnUntickedOneIsDropped() throws Exception {
        long held = heldAfterAFormWithErrors();
        // another inspector of the region submits the inspection naming the held photo: not theirs, not linked
        mvc.perform(form("district", "王院长").param("keep_" + fire, Long.toString(held)))
                .andExpect(redirectedUrl("/supervision/inspections/" + inspection));
        assertThat(count("SELECT count(*) FROM supervision_attachment WHERE inspection_id = ?", inspection)).isZero();
        // and nothing is left held for the submitted inspection
        assertThat(count("SELECT count(*) FROM supervision_attachment WHERE id = ?", held)).isZero();
    }

    @Test
    void anUntickedHeldPhotoIsDroppedAndOldOnesAreCleanedUp() throws Exception {
        // a photo held eight days ago for another inspection, never submitted
        long abandoned = jdbc.sql("""
                        INSERT INTO supervision_inspection (institution_id, checklist_id, inspected_on, created_by)
                        SELECT institution_id, checklist_id, inspected_on - 30, 'district' FROM supervision_inspection
                        WHERE id = ? RETURNING id
                        """).param(inspection).query(Long.class).single();
        long old = jdbc.sql("""
                        INSERT INTO supervision_attachment (pending_inspection_id, pending_item_id, file_name, content_type,
                            size_bytes, content, uploaded_by, uploaded_at)
                        VALUES (?, ?, 'old.png', 'image/png', 8, '\\x89504e470d0a1a0a'::bytea, 'district',
                                ?) RETURNING id
                        """).params(abandoned, fire, java.time.OffsetDateTime.now(clock).minusDays(8)).query(Long.class).single();
        heldAfterAFormWithErrors();
        assertThat(count("SELECT count(*) FROM supervision_attachment WHERE id = ?", old)).isZero();
        // the box unticked: the corrected form is submitted without the photo
        mvc.perform(form("street", "王院长")).andExpect(redirectedUrl("/supervision/inspections/" + inspection));
        assertThat(count("SELECT count(*) FROM supervision_attachment WHERE inspection_id = ? OR pending_inspection_id = ?",
                inspection, inspection)).isZero();
    }
}
