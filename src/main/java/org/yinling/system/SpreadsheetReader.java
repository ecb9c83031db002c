package org.yinling.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.read.listener.ReadListener;

/**
 * Reads an uploaded .xlsx or .csv (UTF-8 or GBK) row by row without holding the file in memory. The first row
 * (the header) is handed over like any other, numbered 1 as in the spreadsheet. Refuses with a
 * {@link SpreadsheetException} what it cannot or must not read: another file type, a corrupt file, a zip bomb
 * disguised as .xlsx (Apache POI checks the inflate ratio of every entry), or more rows than allowed.
 */
public final class SpreadsheetReader {

    /** Receives each row's cells, left to right, blank cells as "". */
    public interface RowSink {
        void row(int rowNumber, List<String> cells);
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final Charset GBK = Charset.forName("GB18030");
    private static final int SNIFF = 64 * 1024;

    private SpreadsheetReader() {
    }

    /** Reads {@code file}; {@code maxDataRows} counts rows after the header. */
    public static void read(Path file, String originalName, int maxDataRows, RowSink sink) {
        String name = originalName == null ? "" : originalName.toLowerCase(Locale.ROOT);
        byte[] head = head(file);
        if (name.endsWith(".xlsx")) {
            if (!startsWith(head, ZIP)) {
                throw new SpreadsheetException(startsWith(head, OLE2) ? "import.file.xls" : "import.file.corrupt");
            }
            readXlsx(file, maxDataRows, sink);
        }
        else if (name.endsWith(".csv")) {
            // a spreadsheet, image or program renamed to .csv is not text: refused as unreadable, not read as rows
            if (startsWith(head, ZIP) || startsWith(head, OLE2) || containsNul(head)) {
                throw new SpreadsheetException("import.file.corrupt");
            }
            readCsv(file, charsetOf(head), maxDataRows, sink);
        }
        else {
            throw new SpreadsheetException(name.endsWith(".xls") ? "import.file.xls" : "import.file.type");
        }
    }

    /** Text in UTF-8 or GBK never has a NUL byte; images, archives and programs almost always do. */
    private static boolean containsNul(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static void readXlsx(Path file, int maxDataRows, RowSink sink) {
        try {
            FastExcel.read(file.toFile(), new ReadListener<Map<Integer, String>>() {
                @Override
                public void invoke(Map<Integer, String> data, AnalysisContext context) {
                    int rowNumber = context.readRowHolder().getRowIndex() + 1;
                    checkLimit(rowNumber, maxDataRows);
                    sink.row(rowNumber, cells(data));
                }

                @Override
                public void doAfterAllAnalysed(AnalysisContext context) {
                }
            }).headRowNumber(0).sheet(0).doRead();
        }
        catch (SpreadsheetException e) {
            throw e;
        }
        catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                if (root instanceof SpreadsheetException spreadsheet) {
                    throw spreadsheet;
                }
                root = root.getCause();
            }
            if (root instanceof SpreadsheetException spreadsheet) {
                throw spreadsheet;
            }
            if (String.valueOf(root.getMessage()).toLowerCase(Locale.ROOT).contains("zip bomb")) {
                throw new SpreadsheetException("import.file.zipBomb", e);
            }
            throw new SpreadsheetException("import.file.corrupt", e);
        }
    }

    private static List<String> cells(Map<Integer, String> data) {
        List<String> cells = new ArrayList<>();
        for (Map.Entry<Integer, String> cell : new TreeMap<>(data).entrySet()) {
            while (cells.size() < cell.getKey()) {
                cells.add("");
            }
            cells.add(cell.getValue() == null ? "" : cell.getValue().strip());
        }
        return cells;
    }

    private static void readCsv(Path file, Charset charset, int maxDataRows, RowSink sink) {
        try (Reader reader = new BufferedReader(Files.newBufferedReader(file, charset))) {
            CsvParser parser = new CsvParser(reader);
            List<String> cells;
            int rowNumber = 0;
            while ((cells = parser.next()) != null) {
                rowNumber++;
                if (rowNumber == 1 && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
                    cells.set(0, cells.get(0).substring(1));
                }
                checkLimit(rowNumber, maxDataRows);
                sink.row(rowNumber, cells.stream().map(String::strip).toList());
            }
        }
        catch (IOException e) {
            throw new SpreadsheetException("import.file.corrupt", e);
        }
    }

    private static void checkLimit(int rowNumber, int maxDataRows) {
        if (rowNumber - 1 > maxDataRows) {
            throw new SpreadsheetException("import.file.tooManyRows", maxDataRows);
        }
    }

    /** UTF-8 if the first 64 KB decode as UTF-8 (a character cut at the end is fine), else GBK (GB18030). */
    static Charset charsetOf(byte[] head) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, Math.max(0, utf8Boundary(head))));
            return StandardCharsets.UTF_8;
        }
        catch (CharacterCodingException e) {
            return GBK;
        }
    }

    /** Length of {@code head} without a UTF-8 sequence cut off at its end. */
    private static int utf8Boundary(byte[] head) {
        int end = head.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = head[end - back] & 0xFF;
            if ((b & 0xC0) == 0xC0) {
                int needed = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
                return needed > back ? end - back : end;
            }
            if ((b & 0x80) == 0) {
                return end;
            }
        }
        return end;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF);
        }
        catch (IOException e) {
            throw new SpreadsheetException("import.file.corrupt", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** RFC 4180: commas, double quotes, quoted line breaks. */
    private static final class CsvParser {

        private final Reader reader;
        private boolean done;

        CsvParser(Reader reader) {
            this.reader = reader;
        }

        List<String> next() throws IOException {
            if (done) {
                return null;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int c;
            while ((c = reader.read()) != -1) {
                any = true;
                if (quoted) {
                    if (c == '"') {
                        reader.mark(1);
                        int following = reader.read();
                        if (following == '"') {
                            cell.append('"');
                        }
                        else {
                            quoted = false;
                            if (following != -1) {
                                reader.reset();
                            }
                        }
                    }
                    else {
                        cell.append((char) c);
                    }
                }
                else if (c == '"') {
                    quoted = true;
                }
                else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                }
                else if (c == '\n') {
                    cells.add(stripCarriageReturn(cell));
                    return cells;
                }
                else {
                    cell.append((char) c);
                }
            }
            done = true;
            if (!any) {
                return null;
            }
            cells.add(stripCarriageReturn(cell));
            return cells;
        }

        private static String stripCarriageReturn(StringBuilder cell) {
            int length = cell.length();
            return length > 0 && cell.charAt(length - 1) == '\r' ? cell.substring(0, length - 1) : cell.toString();
        }
    }
}
