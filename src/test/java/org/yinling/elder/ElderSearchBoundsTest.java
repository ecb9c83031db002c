package org.yinling.elder;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, H1 and L5: what a search keeps of hostile input. Its audit details (the export's audit row) never carry
 * a character PostgreSQL refuses in jsonb nor the raw sort asked for, and its ages are ages.
 */
class ElderSearchBoundsTest {

    @Test
    void theAuditDetailsCarryNoControlCharactersAndTheSortAsApplied() {
        ElderSearch search = new ElderSearch("张\u0000三", "\u0000", "x\u0000", null, null, null, null, null, null,
                "\u0000", null);
        Map<String, Object> details = search.auditDetails();
        assertThat(details).containsEntry("q", "张三").containsEntry("community", "x").containsEntry("sort", "newest")
                .doesNotContainKey("street");
        assertThat(details.toString()).doesNotContain("\u0000");
        assertThat(new ElderSearch("王".repeat(5000), null, null, null, null, null, null, null, null, null, null)
                .auditDetails().get("q").toString()).hasSize(100);
    }

    @Test
    void agesAreBoundedToWhatAPersonCanBe() {
        ElderSearch huge = new ElderSearch(null, null, null, Integer.MAX_VALUE, Integer.MIN_VALUE, null, null, null,
                null, null, Integer.MAX_VALUE);
        assertThat(huge.ageMin()).isEqualTo(ElderSearch.MAX_AGE);
        assertThat(huge.ageMax()).isZero();
        assertThat(huge.pageNumber()).isEqualTo(org.yinling.system.Paging.MAX_PAGE);
    }
}
