package org.yinling.elder;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.region.Regions;
import org.yinling.system.TitledSheet;

/**
 * Writes a registry search to .xlsx as the database streams it: rows go out in batches, so an export of the whole
 * district never sits in memory. Same filters and region scope as the page; IDs masked unless asked for and allowed.
 * A title row (whose elders, which day) over frozen column heads ({@link TitledSheet}); resident IDs and phone numbers
 * as text cells (every digit kept), ages and incomes as numbers.
 */
@Component
class ElderExporter {

    private static final int BATCH = 2_000;
    private static final List<String> COLUMNS = List.of("name", "residentId", "sex", "birthDate", "age", "street",
            "community", "address", "phone", "hukou", "livingArrangement", "solitary", "lostOnlyChild",
            "economicStatus", "incomePerPerson", "disabilityCategory", "disabilityLevel", "leftBehind",
            "onlyChildDisabled", "specialCareRecipient", "seriousIllness", "capabilityLevel", "lifeStatus",
            "lifeStatusDate");

    /** Widths in characters: IDs, addresses and phone numbers whole, yes/no columns narrow. */
    private static final int[] WIDTHS = {10, 20, 6, 12, 6, 14, 14, 28, 14, 10, 12, 8, 8, 12, 14, 10, 8, 8, 8, 8, 8,
            12, 8, 12};
    private static final int INCOME = COLUMNS.indexOf("incomePerPerson");

    private final ElderQueries queries;
    private final Regions regions;
    private final MessageSource messages;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ElderExporter(ElderQueries queries, Regions regions, MessageSource messages, AuditLog audit,
                  TransactionTemplate transaction, Clock clock) {
        this.queries = queries;
        this.regions = regions;
        this.messages = messages;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    long export(ElderSearch search, boolean fullIdsRequested, CurrentUser user, Locale locale, OutputStream out) {
        return export(search, fullIdsRequested, null, user, locale, () -> out);
    }

    /**
     * The export, failing closed: {@code open} (which starts the download: the response's headers and stream) is
     * called only once the audit row is committed, when the workbook's first byte goes out. A failing audit throws
     * before that, so the user gets the error page, never a file or a download that is half a file.
     */
    long export(ElderSearch search, boolean fullIdsRequested, String purpose, CurrentUser user, Locale locale,
                Download open) {
        // full resident IDs go only to roles that see them on the pages; managers get masked IDs
        boolean fullIds = fullIdsRequested && user.seesFullPersonalData();
        OutputStream out = new OpenOnFirstWrite(open);
        Map<String, String> regionNames = regions.allNames();
        // a title row (whose elders, which day) over the column heads, frozen, as the project's other workbooks
        String title = messages.getMessage("sheets.elders.title",
                new Object[] {regionOf(search, user, regionNames), LocalDate.now(clock).toString()}, locale);
        ExcelWriter writer = FastExcel.write(out).autoCloseStream(false).build();
        WriteSheet sheet = TitledSheet.of(title,
                        COLUMNS.stream().map(c -> text("elder.export.column." + c, locale)).toList(), WIDTHS)
                .format(TitledSheet.MONEY, INCOME).sheet(0, text("elder.export.sheet", locale));
        List<List<Object>> batch = new ArrayList<>(BATCH);
        long count = queries.forEach(search, user.scope(), row -> {
            batch.add(cells(row, fullIds, user, regionNames, locale));
            if (batch.size() == BATCH) {
                writer.write(batch, sheet);
                batch.clear();
            }
        });
        writer.write(batch, sheet);
        // the rows wait in the writer's temporary files: the audit row is committed before the file's first byte
        // goes out (finish() writes the workbook to the response)
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rows", count);
        details.put("fullIds", fullIds);
        if (fullIds && purpose != null) {
            details.put("purpose", purpose);
        }
        details.put("search", search.auditDetails());
        transaction.executeWithoutResult(status -> audit.record("ELDERS_EXPORTED", ElderService.ENTITY, null, details));
        writer.finish();
        return count;
    }

    /** Starts the download: sets the response's headers and hands out its stream. */
    @FunctionalInterface
    interface Download {
        OutputStream open() throws IOException;
    }

    /** A stream that starts the download at its first byte. */
    private static final class OpenOnFirstWrite extends OutputStream {

        private final Download download;
        private OutputStream out;

        OpenOnFirstWrite(Download download) {
            this.download = download;
        }

        private OutputStream out() throws IOException {
            if (out == null) {
                out = download.open();
            }
            return out;
        }

        @Override
        public void write(int b) throws IOException {
            out().write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out().write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if (out != null) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }


    private List<Object> cells(ExportRow e, boolean fullIds, CurrentUser user, Map<String, String> regionNames,
                               Locale locale) {
        ElderRow row = e.row();
        String street = regionNames.get(row.communityCode().substring(0, 9) + "000");
        List<Object> cells = new ArrayList<>(COLUMNS.size());
        cells.add(row.name());
        cells.add(fullIds ? e.residentId() : row.maskedResidentId());
        cells.add(text(row.sex().messageKey(), locale));
        cells.add(e.birthDate().toString());
        cells.add(row.age());
        cells.add(street);
        cells.add(regionNames.get(row.communityCode()));
        cells.add(e.address());
        cells.add(user.phone(e.phone()));
        cells.add(text(e.hukouLocal() ? "elder.hukou.local" : "elder.hukou.other", locale));
        cells.add(text(row.livingArrangement().messageKey(), locale));
        cells.add(text(e.solitary() ? "elder.export.yes" : "elder.export.no", locale));
        cells.add(text(e.lostOnlyChild() ? "elder.export.yes" : "elder.export.no", locale));
        cells.add(text(row.economicStatus().messageKey(), locale));
        cells.add(e.incomePerPerson());
        cells.add(e.disabilityCategory() == null ? "" : text(e.disabilityCategory().messageKey(), locale));
        cells.add(e.disabilityLevel() == null ? "" : text("elder.disabilityLevel." + e.disabilityLevel(), locale));
        cells.add(yesNo(e.leftBehind(), locale));
        cells.add(yesNo(e.onlyChildDisabled(), locale));
        cells.add(yesNo(e.specialCareRecipient(), locale));
        cells.add(yesNo(e.seriousIllness(), locale));
        cells.add(row.capabilityLevel() == null ? "" : text(row.capabilityLevelKey(), locale));
        cells.add(text(row.lifeStatus().messageKey(), locale));
        cells.add(e.lifeStatusDate() == null ? "" : e.lifeStatusDate().toString());
        return cells;
    }

    /** The search's community or street where it names one in the user's region, else the user's region. */
    private static String regionOf(ElderSearch search, CurrentUser user, Map<String, String> regionNames) {
        for (String code : new String[] {search.community(), search.street()}) {
            if (code != null && !code.isBlank() && regionNames.containsKey(code) && user.scope().contains(code)) {
                return regionNames.get(code);
            }
        }
        return user.getRegionName();
    }

    private String yesNo(boolean value, Locale locale) {
        return text(value ? "elder.export.yes" : "elder.export.no", locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
