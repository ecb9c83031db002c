package org.yinling.elder;

import java.io.IOException;
import java.io.OutputStream;
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

/**
 * Writes a registry search to .xlsx as the database streams it: rows go out in batches, so an export of the whole
 * district never sits in memory. Same filters and region scope as the page; IDs masked unless asked for and allowed.
 */
@Component
class ElderExporter {

    private static final int BATCH = 2_000;
    private static final List<String> COLUMNS = List.of("name", "residentId", "sex", "birthDate", "age", "street",
            "community", "address", "phone", "hukou", "livingArrangement", "solitary", "lostOnlyChild",
            "economicStatus", "incomePerPerson", "disabilityCategory", "disabilityLevel", "leftBehind",
            "onlyChildDisabled", "specialCareRecipient", "seriousIllness", "capabilityLevel", "lifeStatus",
            "lifeStatusDate");

    private final ElderQueries queries;
    private final Regions regions;
    private final MessageSource messages;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    ElderExporter(ElderQueries queries, Regions regions, MessageSource messages, AuditLog audit,
                  TransactionTemplate transaction) {
        this.queries = queries;
        this.regions = regions;
        this.messages = messages;
        this.audit = audit;
        this.transaction = transaction;
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
        List<List<String>> head = COLUMNS.stream().map(c -> List.of(text("elder.export.column." + c, locale))).toList();
        ExcelWriter writer = FastExcel.write(out).autoCloseStream(false).build();
        WriteSheet sheet = FastExcel.writerSheet(text("elder.export.sheet", locale)).head(head).build();
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

    private String yesNo(boolean value, Locale locale) {
        return text(value ? "elder.export.yes" : "elder.export.no", locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
