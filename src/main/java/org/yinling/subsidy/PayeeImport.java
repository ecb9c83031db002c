package org.yinling.subsidy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;
import org.yinling.elder.ResidentId;
import org.yinling.region.RegionScope;
import org.yinling.system.SpreadsheetException;
import org.yinling.system.SpreadsheetReader;

/**
 * Payee accounts for the 免申即享 backlog from a sheet (.xlsx or .csv, first row a header; columns: resident ID, bank,
 * account), keyed by resident ID. Every row is checked first, with the row's number and reason; if any row is wrong
 * nothing is written. Otherwise each elder's open applications of the region that have no account get this one, in
 * one statement, with one audit row. Elders whose open applications all have an account are counted, not changed.
 */
@Service
class PayeeImport {

    static final int MAX_ROWS = 20_000;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PayeeImport(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A row that cannot be taken: its number in the sheet and the reason (a message key). */
    public record Problem(int row, String reasonKey) implements java.io.Serializable {
    }

    /** The outcome: rows read, applications given an account, and the problems (none when written). */
    public record Report(int rows, int applications, List<Problem> problems) implements java.io.Serializable {
        public boolean written() {
            return problems.isEmpty();
        }
    }

    private record Row(int number, String residentId, String bank, String account) {
    }

    @Transactional
    Report apply(Path file, String fileName, RegionScope scope, String actor) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        SpreadsheetReader.read(file, fileName, MAX_ROWS, (number, cells) -> {
            if (number == 1) {
                return;
            }
            String typed = cell(cells, 0);
            String bank = cell(cells, 1);
            String account = cell(cells, 2);
            if (typed.isEmpty() && bank.isEmpty() && account.isEmpty()) {
                return;
            }
            String id = ResidentId.tryParse(typed.replaceAll("[\\s-]", "")).map(ResidentId::value).orElse(null);
            if (id == null) {
                problems.add(new Problem(number, "payee.import.badId"));
            } else if (bank.isEmpty() || bank.length() > 60) {
                problems.add(new Problem(number, "payee.import.badBank"));
            } else if (account.isEmpty() || account.length() > 40 || !account.matches("[0-9A-Za-z -]*")) {
                problems.add(new Problem(number, "payee.import.badAccount"));
            } else if (!seen.add(id)) {
                problems.add(new Problem(number, "payee.import.repeated"));
            } else {
                rows.add(new Row(number, id, bank, account));
            }
        });
        if (rows.isEmpty() && problems.isEmpty()) {
            throw new SpreadsheetException("import.file.empty");
        }
        List<String> known = rows.isEmpty() ? List.of() : jdbc.sql("""
                        SELECT resident_id FROM elder WHERE resident_id = ANY(?) AND community_code LIKE ?
                        """)
                .params(rows.stream().map(Row::residentId).toArray(String[]::new), scope.likePattern())
                .query(String.class).list();
        for (Row row : rows) {
            if (!known.contains(row.residentId())) {
                problems.add(new Problem(row.number(), "payee.import.unknownElder"));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::row));
        if (!problems.isEmpty()) {
            return new Report(rows.size() + problems.size(), 0, problems);
        }
        int updated = jdbc.sql("""
                        UPDATE subsidy_application a SET payee_bank = r.bank, payee_account = r.account,
                            updated_at = now(), updated_by = ?, lock_version = a.lock_version + 1
                        FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) AS r(resident_id, bank, account)
                        JOIN elder e ON e.resident_id = r.resident_id
                        WHERE a.elder_id = e.id AND a.community_code LIKE ? AND a.%s
                          AND (a.payee_bank IS NULL OR a.payee_account IS NULL)
                        """.formatted(ApplicationStages.OPEN_CONDITION))
                .params(actor, rows.stream().map(Row::residentId).toArray(String[]::new),
                        rows.stream().map(Row::bank).toArray(String[]::new),
                        rows.stream().map(Row::account).toArray(String[]::new), scope.likePattern())
                .update();
        audit.record("PAYEES_IMPORTED", "subsidy_application", null, Map.of("file", fileName, "rows", rows.size(),
                "applications", updated));
        return new Report(rows.size(), updated, List.of());
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
    }
}
