package org.yinling.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;

/** Coded values in the audit log read as the pages name them, in the sense of their field. */
class AuditSentencesTest {

    private final AuditSentences sentences = new AuditSentences(messages(), JsonMapper.builder().build());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static AuditEntry entry(String action, String entity, String details) {
        return new AuditEntry(1, OffsetDateTime.parse("2026-12-05T09:00:00+08:00"), "system", action, entity, "7",
                details, null, null);
    }

    @Test
    void aCodeIsNamedAsItsFieldNamesIt() {
        AuditLine line = sentences.line(entry("ELDER_UPDATED", "elder",
                "{\"before\":{\"economicStatus\":\"NONE\"},\"after\":{\"economicStatus\":\"MINIMUM_LIVING\"}}"),
                Locale.SIMPLIFIED_CHINESE);
        assertThat(line.changes()).anySatisfy(change -> {
            assertThat(change.before()).isEqualTo("无");
            assertThat(change.after()).isEqualTo("低保");
        });
    }

    @Test
    void everyCauseOfARosterRecomputeHasAName() {
        for (String cause : new String[] {"ELDER_REGISTERED", "ELDER_UPDATED", "ELDER_ASSESSED", "ELDER_DECEASED",
                "ELDER_MOVED_OUT", "STAY_ADMITTED", "STAY_DISCHARGED"}) {
            for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                AuditLine line = sentences.line(entry("VISIT_ROSTER_RECOMPUTED", "elder",
                        "{\"cause\":\"" + cause + "\",\"added\":1,\"left\":0,\"changed\":0}"), locale);
                assertThat(line.sentence() + line.changes()).as(cause + " " + locale)
                        .doesNotContain(cause).doesNotContain(cause.replace('_', ' ').toLowerCase(Locale.ROOT));
            }
        }
    }
}
