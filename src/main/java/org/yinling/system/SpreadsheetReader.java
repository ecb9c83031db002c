package org.yinling.system;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import cn.idev.excel.FastExcel;
import cn.idev.excel.cache.MapCache;
import cn.idev.excel.cache.ReadCache;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.read.listener.ReadListener;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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

    /**
     * A sink that is also told which cells of an .xlsx row were numbers, not text (column indexes): a resident ID that
     * Excel stored as a number has lost its last digits, and the reader can say so. A CSV has no types: none are.
     */
    @FunctionalInterface
    public interface NumberAwareRowSink extends RowSink {

        void row(int rowNumber, List<String> cells, java.util.Set<Integer> numberCells);

        @Override
        default void row(int rowNumber, List<String> cells) {
            row(rowNumber, cells, java.util.Set.of());
        }
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final Charset GBK = Charset.forName("GB18030");
    private static final int SNIFF = 64 * 1024;
    /** Shared-strings tables up to this size are kept in memory, as FastExcel does by default. */
    private static final long IN_MEMORY_SHARED_STRINGS = 5L * 1024 * 1024;
    /**
     * RFC 4180 (commas, double quotes doubled, quoted line breaks), read leniently as before: an empty line is a row
     * of one blank cell, text after a closing quote belongs to the cell, a quote left open runs to the end of the file.
     */
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(true)
            .setLenientEof(true)
            .get();

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
                    if (sink instanceof NumberAwareRowSink typed) {
                        typed.row(rowNumber, cells(data), numberCells(context));
                    }
                    else {
                        sink.row(rowNumber, cells(data));
                    }
                }

                @Override
                public void doAfterAllAnalysed(AnalysisContext context) {
                }
            }).readCacheSelector(sharedStrings -> {
                long size = sharedStrings.getSize();
                return size >= 0 && size <= IN_MEMORY_SHARED_STRINGS ? new MapCache() : new FileStringCache();
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

    private static java.util.Set<Integer> numberCells(AnalysisContext context) {
        java.util.Set<Integer> numbers = new java.util.HashSet<>();
        context.readRowHolder().getCellMap().forEach((column, cell) -> {
            if (cell instanceof cn.idev.excel.metadata.data.CellData<?> data
                    && data.getType() == cn.idev.excel.enums.CellDataTypeEnum.NUMBER) {
                numbers.add(column);
            }
        });
        return numbers;
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
        try (Reader reader = Files.newBufferedReader(file, charset);
             CSVParser parser = CSVParser.parse(reader, CSV)) {
            int rowNumber = 0;
            for (CSVRecord record : parser) {
                rowNumber++;
                List<String> cells = new ArrayList<>(record.toList());
                if (rowNumber == 1 && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
                    cells.set(0, cells.get(0).substring(1));
                }
                checkLimit(rowNumber, maxDataRows);
                sink.row(rowNumber, cells.stream().map(String::strip).toList());
            }
        }
        catch (IOException | UncheckedIOException e) {
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

    /**
     * FastExcel's cache of a large shared-strings table (every text cell of a workbook saved by Excel): the strings in
     * a temporary file, their offsets in memory (8 bytes a string), the blocks last read in a small LRU. FastExcel's
     * own choice above 5 MB is Ehcache, which the app does not ship.
     */
    private static final class FileStringCache implements ReadCache {

        private static final int BLOCK = 64 * 1024;
        private static final int BLOCKS_KEPT = 64;

        private final Map<Long, ByteBuffer> blocks = new LinkedHashMap<>(BLOCKS_KEPT, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, ByteBuffer> eldest) {
                return size() > BLOCKS_KEPT;
            }
        };
        private Path file;
        private OutputStream out;
        private FileChannel channel;
        private long[] offsets = new long[1024];
        private int count;
        private long written;

        @Override
        public void init(AnalysisContext context) {
            try {
                file = Files.createTempFile("yinling-shared-strings", ".tmp");
                out = new BufferedOutputStream(Files.newOutputStream(file), BLOCK);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void put(String value) {
            byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
            if (count + 1 >= offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[count++] = written;
            try {
                out.write(bytes);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written += bytes.length;
        }

        @Override
        public void putFinished() {
            offsets[count] = written;
            try {
                out.close();
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String get(Integer index) {
            if (index == null || index < 0 || index >= count) {
                return null;
            }
            long position = offsets[index];
            byte[] bytes = new byte[(int) (offsets[index + 1] - position)];
            int copied = 0;
            while (copied < bytes.length) {
                ByteBuffer block = block(position / BLOCK);
                int from = (int) (position % BLOCK);
                int length = Math.min(bytes.length - copied, block.limit() - from);
                block.get(from, bytes, copied, length);
                copied += length;
                position += length;
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private ByteBuffer block(long number) {
            ByteBuffer block = blocks.get(number);
            if (block == null) {
                block = ByteBuffer.allocate(BLOCK);
                try {
                    long start = number * BLOCK;
                    while (block.hasRemaining() && channel.read(block, start + block.position()) > 0) {
                        // read the whole block, or up to the end of the file
                    }
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                block.flip();
                blocks.put(number, block);
            }
            return block;
        }

        @Override
        public void destroy() {
            blocks.clear();
            try {
                if (out != null) {
                    out.close();
                }
                if (channel != null) {
                    channel.close();
                }
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
