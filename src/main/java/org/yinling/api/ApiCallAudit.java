package org.yinling.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.ApiCaller;
import org.yinling.audit.AuditLog;

/**
 * Every API call in the audit log, with the client's name: the method, the path (never the query string, which may
 * carry identifiers; a resident ID in a path is masked) and the status answered.
 */
@Service
class ApiCallAudit {

    /** An 18-character resident ID (or a 15-digit old one) anywhere in a path. */
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9])[0-9]{6}(?:[0-9]{11}[0-9Xx]|[0-9]{9})(?![0-9Xx])");

    private final AuditLog audit;

    ApiCallAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    void record(ApiCaller caller, String method, String path, int status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", method);
        details.put("path", masked(path));
        details.put("status", status);
        audit.recordAs(caller.auditActor(), "API_CALL", "api_client", caller.clientId(), details);
    }

    static String masked(String path) {
        String bounded = path.length() > 300 ? path.substring(0, 300) : path;
        return RESIDENT_ID.matcher(bounded).replaceAll("***");
    }
}
