package org.yinling.audit;

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

    AuditController(AuditQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/admin/audit")
    String list(AuditFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("events", queries.search(filter, Paging.of(page, PAGE_SIZE)));
        model.addAttribute("actions", queries.actions());
        return VIEW;
    }
}
