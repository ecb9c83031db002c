package org.yinling.payment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yinling.region.Regions;
import org.yinling.system.SpreadsheetCells;

/**
 * The list the bank takes: name, resident ID, bank, account, amount, reference (and the month, kind and policy),
 * as .xlsx (with sheets of totals per policy and per street) or CSV (UTF-8 with a byte-order mark, for Excel).
 * Text goes out exactly as recorded: in the .xlsx as typed string cells (never formulas), in the CSV as data for the
 * bank's import tool; names that would start like a formula are refused at entry ({@link SpreadsheetCells}).
 */
@Component
class BankList {

    private static final int BATCH = 2_000;
    /** RFC 4180 with every cell quoted, lines ending CRLF: what banks' import tools and Excel read. */
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
    private static final List<String> COLUMNS = List.of("name", "residentId", "bank", "account", "amount", "reference",
            "month", "kind", "policy", "community");

    private final LineQueries lines;
    private final Regions regions;
    private final MessageSource messages;

    BankList(LineQueries lines, Regions regions, MessageSource messages) {
        this.lines = lines;
        this.regions = regions;
        this.messages = messages;
    }

    void xlsx(PaymentBatch batch, Locale locale, OutputStream out) {
        Map<String, String> names = regions.allNames();
        ExcelWriter writer = FastExcel.write(out).autoCloseStream(false).build();
        WriteSheet sheet = FastExcel.writerSheet(0, text("payment.export.sheet.lines", locale)).head(head(COLUMNS, locale)).build();
        List<List<Object>> rows = new ArrayList<>(BATCH);
        lines.forEach(batch.id(), line -> {
            rows.add(cells(line, names, locale));
            if (rows.size() == BATCH) {
                writer.write(rows, sheet);
                rows.clear();
            }
        });
        lines.payeeLines(batch.id()).forEach(line -> rows.add(cells(line, names, locale)));
        writer.write(rows, sheet);
        List<String> totalColumns = List.of("group", "lines", "amount");
        WriteSheet byPolicy = FastExcel.writerSheet(1, text("payment.export.sheet.byPolicy", locale))
                .head(head(totalColumns, locale)).build();
        writer.write(lines.totalsByPolicy(batch.id()).stream()
                .map(t -> List.<Object>of(policyLabel(t, locale), t.lines(), t.amount())).toList(), byPolicy);
        WriteSheet byStreet = FastExcel.writerSheet(2, text("payment.export.sheet.byStreet", locale))
                .head(head(totalColumns, locale)).build();
        writer.write(lines.totalsByStreet(batch.id()).stream()
                .map(t -> List.<Object>of(names.getOrDefault(t.key(), t.key()), t.lines(),
                        t.amount())).toList(), byStreet);
        writer.finish();
    }

    void csv(PaymentBatch batch, Locale locale, OutputStream out) {
        Map<String, String> names = regions.allNames();
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            // not closed: that would close the response's stream, which is the caller's
            CSVPrinter printer = new CSVPrinter(writer, CSV);
            printer.printRecord(csvCells(COLUMNS.stream().map(c -> (Object) text("payment.export.column." + c, locale)).toList()));
            lines.forEach(batch.id(), line -> {
                try {
                    printer.printRecord(csvCells(cells(line, names, locale)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            for (LineQueries.PayeeLine line : lines.payeeLines(batch.id())) {
                printer.printRecord(csvCells(cells(line, names, locale)));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Object> cells(LineQueries.Line line, Map<String, String> names, Locale locale) {
        List<Object> cells = new ArrayList<>(COLUMNS.size());
        cells.add(line.elderName());
        cells.add(line.residentId());
        cells.add(line.payeeBank() == null ? "" : line.payeeBank());
        cells.add(line.payeeAccount() == null ? "" : line.payeeAccount());
        cells.add(line.amount());
        cells.add(line.reference());
        cells.add(line.month().toString().substring(0, 7));
        cells.add(text(line.kind().messageKey(), locale));
        cells.add(line.policyCode() + " v" + line.policyVersion());
        cells.add(names.getOrDefault(line.communityCode(), line.communityCode()));
        return cells;
    }

    /** An institution's line: its name where an elder's would be, no resident ID. */
    private List<Object> cells(LineQueries.PayeeLine line, Map<String, String> names, Locale locale) {
        List<Object> cells = new ArrayList<>(COLUMNS.size());
        cells.add(line.payeeName());
        cells.add("");
        cells.add(line.payeeBank() == null ? "" : line.payeeBank());
        cells.add(line.payeeAccount() == null ? "" : line.payeeAccount());
        cells.add(line.amount());
        cells.add(line.reference());
        cells.add(line.month().toString().substring(0, 7));
        cells.add(text("payment.lineKind." + line.kind(), locale));
        cells.add(line.kind());
        cells.add(names.getOrDefault(line.communityCode(), line.communityCode()));
        return cells;
    }

    /** Every cell as text, an empty one as "" (quoted like the rest). */
    private static List<String> csvCells(List<Object> cells) {
        return cells.stream().map(cell -> cell == null ? "" : cell.toString()).toList();
    }

    private List<List<String>> head(List<String> columns, Locale locale) {
        return columns.stream().map(c -> List.of(text("payment.export.column." + c, locale))).toList();
    }

    /** A policy by its name (and version after the first), an organisation payment by its kind's label. */
    private String policyLabel(LineQueries.PolicyTotal total, Locale locale) {
        if (total.kind() != null) {
            return text("payment.lineKind." + total.kind(), locale);
        }
        return total.version() > 1
                ? messages.getMessage("payment.policyWithVersion", new Object[] {total.name(), total.version()}, locale)
                : total.name();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
