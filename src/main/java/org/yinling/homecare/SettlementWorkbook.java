package org.yinling.homecare;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yinling.system.TitledSheet;

/**
 * A provider's settlement statement of a month as .xlsx ({@link TitledSheet}): a title row over the column heads
 * (both frozen), one row per order and a total row, amounts with two decimals, columns wide enough to read. Names go
 * in as typed string cells, never formulas ({@link org.yinling.system.SpreadsheetCells}).
 */
@Component
class SettlementWorkbook {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] COLUMNS = {"homecare.settlements.order", "homecare.settlements.elder", "homecare.settlements.item", "homecare.settlements.scheduledAt",
            "homecare.settlements.amount", "homecare.settlements.share", "homecare.settlements.government",
            "homecare.settlements.deduction", "homecare.settlements.reason", "homecare.settlements.payable"};
    private static final int[] WIDTHS = {10, 14, 18, 18, 12, 10, 14, 12, 22, 14};
    private static final int[] MONEY = {4, 6, 7, 9};

    private final MessageSource messages;

    SettlementWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    void write(Settlements.Statement statement, Locale locale, OutputStream out) {
        String title = text("homecare.settlements.statementTitle", locale, statement.provider().name(),
                statement.month().toString());
        List<List<Object>> rows = new ArrayList<>();
        for (SettlementStore.Line line : statement.lines()) {
            rows.add(List.of(line.orderId(), line.elderName(), line.itemName(), line.scheduledAt().format(DAY),
                    line.amount(), line.governmentShare(), line.governmentAmount(), line.deduction(),
                    line.deductionReason() == null ? "" : text(line.getReasonKey(), locale), line.getPayable()));
        }
        SettlementStore.Row t = statement.totals();
        BigDecimal deductions = t.flagDeduction().add(t.callbackDeduction());
        rows.add(List.of(text("homecare.settlements.total", locale), t.orders(), "", "", t.gross(), "",
                t.governmentAmount(), deductions, "", t.total()));
        TitledSheet.of(title, Stream.of(COLUMNS).map(key -> text(key, locale)).toList(), WIDTHS)
                .format(TitledSheet.MONEY, MONEY).write(out, statement.month().toString(), rows);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
