package org.yinling.payment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;
import org.yinling.system.SpreadsheetException;
import org.yinling.system.SpreadsheetReader;

/**
 * Applies the bank's receipt to an exported batch: each row names a line by its reference and says paid or failed
 * (with the bank's reason). Rows whose reference is not a line of the batch, or whose result cannot be read, are
 * reported and not applied; the rest are applied together in one transaction. When no line is pending any more,
 * the batch is settled.
 */
@Service
class ReceiptImport {

    static final int MAX_ROWS = 300_000;
    private static final int SAMPLE = 50;

    private final JdbcClient jdbc;
    private final Recoveries recoveries;
    private final AuditLog audit;

    ReceiptImport(JdbcClient jdbc, Recoveries recoveries, AuditLog audit) {
        this.jdbc = jdbc;
        this.recoveries = recoveries;
        this.audit = audit;
    }

    /** What a receipt did: counts, and samples of what was not applied (row number and value). */
    public record Report(int rows, int paid, int failed, int alreadySettled, List<String> unknownReferences,
                         int unknownCount, List<Integer> unreadableRows, int unreadableCount, boolean settled) implements java.io.Serializable {
    }

    private record Row(String reference, String status, String reason) {
    }

    /** What a receipt would do, before it is applied: its counts (nothing is written). */
    public record Preview(int rows, int toPay, int toFail, int alreadySettled, List<String> unknownReferences,
                          int unknownCount, List<Integer> unreadableRows, int unreadableCount) {
    }

    private record Parsed(Map<String, Row> rows, List<Integer> unreadable, int count, int unreadableCount) {

        String[] references() {
            return rows.keySet().toArray(String[]::new);
        }
    }

    /** Reads the receipt and counts what applying it would do: lines to mark paid and failed, and what it skips. */
    @Transactional(readOnly = true)
    Preview preview(PaymentBatch batch, Path file, String fileName) {
        Parsed parsed = parse(file, fileName);
        String[] references = parsed.references();
        String[] statuses = parsed.rows().values().stream().map(Row::status).toArray(String[]::new);
        List<String> unknown = unknown(batch, references);
        Map<String, Integer> pending = new LinkedHashMap<>();
        jdbc.sql("""
                        WITH r AS (SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS r(reference, status))
                        SELECT r.status, count(*) FROM r
                        JOIN (SELECT reference FROM payment_line WHERE batch_id = ? AND status = 'PENDING'
                              UNION ALL
                              SELECT reference FROM payment_payee_line WHERE batch_id = ? AND status = 'PENDING') l
                          ON l.reference = r.reference
                        GROUP BY r.status
                        """)
                .params(references, statuses, batch.id(), batch.id())
                .query(rs -> {
                    pending.put(rs.getString(1), rs.getInt(2));
                });
        return new Preview(parsed.count(), pending.getOrDefault("PAID", 0), pending.getOrDefault("FAILED", 0),
                alreadySettled(batch, references), unknown.stream().limit(SAMPLE).toList(), unknown.size(),
                parsed.unreadable(), parsed.unreadableCount());
    }

    private Parsed parse(Path file, String fileName) {
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Integer> unreadable = new ArrayList<>();
        int[] count = {0, 0};
        SpreadsheetReader.read(file, fileName, MAX_ROWS, (rowNumber, cells) -> {
            if (rowNumber == 1) {
                return;   // the header
            }
            String reference = cell(cells, 0);
            if (reference.isEmpty() && cell(cells, 1).isEmpty()) {
                return;
            }
            count[0]++;
            String status = result(cell(cells, 1));
            if (reference.isEmpty() || status == null) {
                count[1]++;
                if (unreadable.size() < SAMPLE) {
                    unreadable.add(rowNumber);
                }
                return;
            }
            String reason = cell(cells, 2);
            rows.put(reference, new Row(reference, status, reason.length() > 200 ? reason.substring(0, 200) : reason));
        });
        if (count[0] == 0) {
            throw new SpreadsheetException("import.file.empty");
        }
        return new Parsed(rows, unreadable, count[0], count[1]);
    }

    private List<String> unknown(PaymentBatch batch, String[] references) {
        return jdbc.sql("""
                        SELECT r.reference FROM unnest(CAST(? AS text[])) r(reference)
                        WHERE NOT EXISTS (SELECT 1 FROM payment_line l WHERE l.batch_id = ? AND l.reference = r.reference)
                          AND NOT EXISTS (SELECT 1 FROM payment_payee_line l
                                          WHERE l.batch_id = ? AND l.reference = r.reference)
                        """)
                .params(references, batch.id(), batch.id()).query(String.class).list();
    }

    private int alreadySettled(PaymentBatch batch, String[] references) {
        return jdbc.sql("""
                        SELECT count(*) FROM (
                            SELECT reference, batch_id, status FROM payment_line
                            UNION ALL
                            SELECT reference, batch_id, status FROM payment_payee_line) l
                        JOIN unnest(CAST(? AS text[])) r(reference) ON l.reference = r.reference
                        WHERE l.batch_id = ? AND l.status <> 'PENDING'
                        """)
                .params(references, batch.id()).query(Integer.class).single();
    }

    @Transactional
    Report apply(PaymentBatch batch, Path file, String fileName) {
        Parsed parsed = parse(file, fileName);
        Map<String, Row> rows = parsed.rows();
        List<Integer> unreadable = parsed.unreadable();
        int[] count = {parsed.count(), parsed.unreadableCount()};
        String[] references = rows.keySet().toArray(String[]::new);
        String[] statuses = rows.values().stream().map(Row::status).toArray(String[]::new);
        String[] reasons = rows.values().stream().map(r -> r.status().equals("FAILED") ? r.reason() : null)
                .toArray(String[]::new);
        List<String> unknown = unknown(batch, references);
        int alreadySettled = alreadySettled(batch, references);
        Map<String, Integer> applied = new LinkedHashMap<>();
        jdbc.sql("""
                        WITH r AS (
                            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                                AS r(reference, status, reason)
                        ),
                        elders AS (
                            UPDATE payment_line l SET status = r.status, failure_reason = r.reason, settled_at = now()
                            FROM r WHERE l.batch_id = ? AND l.reference = r.reference AND l.status = 'PENDING'
                            RETURNING l.status
                        ),
                        institutions AS (
                            UPDATE payment_payee_line l SET status = r.status, failure_reason = r.reason,
                                settled_at = now()
                            FROM r WHERE l.batch_id = ? AND l.reference = r.reference AND l.status = 'PENDING'
                            RETURNING l.status
                        )
                        SELECT status, count(*) FROM (SELECT status FROM elders UNION ALL SELECT status FROM institutions) u
                        GROUP BY status
                        """)
                .params(references, statuses, reasons, batch.id(), batch.id())
                .query(rs -> {
                    applied.put(rs.getString(1), rs.getInt(2));
                });
        boolean settled = jdbc.sql("""
                        UPDATE payment_batch SET state = 'SETTLED', settled_at = now(), lock_version = lock_version + 1
                        WHERE id = ? AND state = 'EXPORTED'
                          AND NOT EXISTS (SELECT 1 FROM payment_line WHERE batch_id = ? AND status = 'PENDING')
                          AND NOT EXISTS (SELECT 1 FROM payment_payee_line WHERE batch_id = ? AND status = 'PENDING')
                        """)
                .params(batch.id(), batch.id(), batch.id()).update() == 1;
        recoveries.flagBatch(batch.id());
        Report report = new Report(count[0], applied.getOrDefault("PAID", 0), applied.getOrDefault("FAILED", 0),
                alreadySettled, unknown.stream().limit(SAMPLE).toList(), unknown.size(), unreadable, count[1], settled);
        audit.record("PAYMENT_RECEIPT_IMPORTED", "payment_batch", batch.id(), Map.of("rows", report.rows(),
                "paid", report.paid(), "failed", report.failed(), "unknown", report.unknownCount(),
                "unreadable", report.unreadableCount(), "settled", settled));
        return report;
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
    }

    /** The bank's result in the words banks use: paid / success / 成功 / 已支付, failed / 失败 / 退回. */
    private static String result(String text) {
        String value = text.toLowerCase(Locale.ROOT);
        return switch (value) {
            case "paid", "success", "successful", "ok", "成功", "已支付", "支付成功", "已付" -> "PAID";
            case "failed", "fail", "failure", "失败", "支付失败", "退回", "退票" -> "FAILED";
            default -> null;
        };
    }
}
