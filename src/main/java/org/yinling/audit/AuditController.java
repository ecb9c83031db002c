package org.yinling.audit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yinling.system.Paging;

/** The administrator's audit viewer. Reading the log is itself not audited: it holds no personal records. */
@Controller
class AuditController {

    static final String VIEW = "admin/audit";
    private static final int PAGE_SIZE = 50;

    private final AuditQueries queries;
    private final AuditSentences sentences;

    AuditController(AuditQueries queries, AuditSentences sentences) {
        this.queries = queries;
        this.sentences = sentences;
    }

    @GetMapping("/admin/audit")
    String list(AuditFilter filter, @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        model.addAttribute("filter", filter);
        Page<AuditEntry> events = queries.search(filter, Paging.of(page, PAGE_SIZE));
        model.addAttribute("events", events);
        model.addAttribute("lines", sentences.lines(events.getContent(),
                queries.namesOf(sentences.codesIn(events.getContent())), locale));
        // the filters offer labels, sorted as read; the values sent stay the codes
        Map<String, String> actions = new LinkedHashMap<>();
        queries.actions().stream()
                .sorted(Comparator.comparing(a -> sentences.actionLabel(a, locale)))
                .forEach(a -> actions.put(a, sentences.actionLabel(a, locale)));
        model.addAttribute("actions", actions);
        Map<String, String> entities = new LinkedHashMap<>();
        queries.entities().stream()
                .sorted(Comparator.comparing(e -> sentences.entityLabel(e, locale)))
                .forEach(e -> entities.put(e, sentences.entityLabel(e, locale)));
        model.addAttribute("entities", entities);
        return VIEW;
    }
}
