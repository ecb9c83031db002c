package org.yinling.elder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.yinling.system.SpreadsheetException;
import org.yinling.system.SpreadsheetCells;

/**
 * Turns the cells of one import row into a {@link StagedRow}: every value checked the way the entry form checks it,
 * every problem recorded against its column instead of stopping at the first.
 */
final class ImportRowParser {

    /** The resident ID of the template's example row (a published sample number): such a row is never imported. */
    static final String EXAMPLE_ID = "11010519491231002X";

    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]*");
    private static final Pattern NAME = Pattern.compile("[^<>\\p{Cntrl}]*");
    private static final Pattern MONEY = Pattern.compile("\\d{1,8}(\\.\\d{1,2})?");
    /** What Excel shows for a long number it holds as a number, and what a CSV saved from it then contains. */
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+([.,][0-9]+)?[eE][+]?[0-9]+");
    private static final String[] CHINESE_LEVELS = {"一级", "二级", "三级", "四级"};

    private final Map<ImportColumn, Integer> positions;
    private final Map<String, LivingArrangement> livingArrangements;
    private final Map<String, EconomicStatus> economicStatuses;
    private final Map<String, DisabilityCategory> disabilityCategories;
    private final Map<String, Integer> disabilityLevels;
    private final LocalDate today;

    private ImportRowParser(Map<ImportColumn, Integer> positions, Map<String, LivingArrangement> livingArrangements,
                            Map<String, EconomicStatus> economicStatuses,
                            Map<String, DisabilityCategory> disabilityCategories, Map<String, Integer> disabilityLevels,
                            LocalDate today) {
        this.positions = positions;
        this.livingArrangements = livingArrangements;
        this.economicStatuses = economicStatuses;
        this.disabilityCategories = disabilityCategories;
        this.disabilityLevels = disabilityLevels;
        this.today = today;
    }

    /**
     * Reads the header row. Values of the coded columns are accepted as their Chinese or English labels or as the
     * code itself. Throws {@link SpreadsheetException} naming the required columns that are missing.
     */
    static ImportRowParser forHeader(List<String> header, MessageSource messages, LocalDate today) {
        Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
        for (ImportColumn column : ImportColumn.values()) {
            for (int i = 0; i < header.size(); i++) {
                String cell = header.get(i).replace("*", "").strip();
                if (labels(column.headerKey(), messages).contains(cell) || cell.equalsIgnoreCase(column.name())) {
                    positions.put(column, i);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !positions.containsKey(column)) {
                missing.add(messages.getMessage(column.headerKey(), null, Locale.SIMPLIFIED_CHINESE));
            }
        }
        if (!missing.isEmpty()) {
            throw new SpreadsheetException("import.file.missingColumns", String.join("、", missing));
        }
        if (!positions.containsKey(ImportColumn.COMMUNITY) && !positions.containsKey(ImportColumn.COMMUNITY_CODE)) {
            throw new SpreadsheetException("import.file.missingCommunity");
        }
        return new ImportRowParser(positions, vocabulary(LivingArrangement.values(), LivingArrangement::messageKey, messages),
                vocabulary(EconomicStatus.values(), EconomicStatus::messageKey, messages),
                vocabulary(DisabilityCategory.values(), DisabilityCategory::messageKey, messages),
                levels(messages), today);
    }

    /** 1–4 as digits, as the template's labels in either language, and as 一级 / 1级 / level 1. */
    private static Map<String, Integer> levels(MessageSource messages) {
        Map<String, Integer> levels = new java.util.HashMap<>();
        for (int level = 1; level <= 4; level++) {
            levels.put(String.valueOf(level), level);
            levels.put(level + "级", level);
            levels.put(CHINESE_LEVELS[level - 1], level);
            levels.put("LEVEL " + level, level);
            for (String label : labels("elder.disabilityLevel." + level, messages)) {
                levels.put(label.toUpperCase(Locale.ROOT), level);
            }
        }
        return levels;
    }

    /** The template's label of a disability level in {@code locale}, which the import reads back. */
    static String levelLabel(int level, MessageSource messages, Locale locale) {
        return messages.getMessage("elder.disabilityLevel." + level, null, locale);
    }

    boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    StagedRow parse(int rowNumber, List<String> cells) {
        return parse(rowNumber, cells, java.util.Set.of());
    }

    /**
     * {@code numberCells}: the columns whose cells the file held as numbers. A resident ID held as a number has lost
     * its last digits (Excel keeps 15), and one shown in scientific form (3.30105E+17) too: the row says exactly that,
     * not that the check character is wrong.
     */
    StagedRow parse(int rowNumber, List<String> cells, java.util.Set<Integer> numberCells) {
        List<String> errors = new ArrayList<>();
        String rawId = cell(cells, ImportColumn.RESIDENT_ID);
        Optional<ResidentId> residentId = Optional.empty();
        Integer idPosition = positions.get(ImportColumn.RESIDENT_ID);
        if (rawId.isEmpty()) {
            errors.add(error(ImportColumn.RESIDENT_ID, "import.required"));
        }
        else if (idPosition != null && numberCells.contains(idPosition)) {
            errors.add(error(ImportColumn.RESIDENT_ID, "import.residentId.number"));
        }
        else if (SCIENTIFIC.matcher(rawId).matches()) {
            errors.add(error(ImportColumn.RESIDENT_ID, "import.residentId.scientific"));
        }
        else {
            try {
                ResidentId id = ResidentId.parse(ResidentId.normalised(rawId), today);
                if (id.value().equals(EXAMPLE_ID)) {
                    errors.add(error(ImportColumn.RESIDENT_ID, "import.example.row"));
                }
                else if (id.ageOn(today) < ElderService.MINIMUM_AGE) {
                    errors.add(error(ImportColumn.RESIDENT_ID, "import.residentId.tooYoung"));
                }
                residentId = Optional.of(id);
            }
            catch (InvalidResidentIdException e) {
                errors.add(error(ImportColumn.RESIDENT_ID, e.messageKey()));
            }
        }
        String name = text(cells, ImportColumn.NAME, 50, true, NAME, "elder.name.characters", errors);
        if (SpreadsheetCells.startsLikeFormula(name)) {
            errors.add(error(ImportColumn.NAME, "name.formulaStart"));
        }
        String community = cell(cells, ImportColumn.COMMUNITY_CODE);
        String communityName = communityName(cell(cells, ImportColumn.COMMUNITY));
        if (community.isEmpty() && communityName.isEmpty()) {
            errors.add(positions.containsKey(ImportColumn.COMMUNITY)
                    ? error(ImportColumn.COMMUNITY, "import.community.required")
                    : error(ImportColumn.COMMUNITY_CODE, "import.required"));
        }
        else if (!community.isEmpty() && !community.matches("[0-9]{12}")) {
            errors.add(error(ImportColumn.COMMUNITY_CODE, "import.community.format"));
        }
        if (communityName.length() > 100) {
            errors.add(error(ImportColumn.COMMUNITY, "import.tooLong"));
            communityName = truncate(communityName, 100);
        }
        LivingArrangement living = coded(cells, ImportColumn.LIVING_ARRANGEMENT, livingArrangements, errors);
        EconomicStatus economic = coded(cells, ImportColumn.ECONOMIC_STATUS, economicStatuses, errors);
        DisabilityCategory disability = cell(cells, ImportColumn.DISABILITY_CATEGORY).isEmpty() ? null
                : coded(cells, ImportColumn.DISABILITY_CATEGORY, disabilityCategories, errors);
        Integer level = null;
        String rawLevel = cell(cells, ImportColumn.DISABILITY_LEVEL);
        if (!rawLevel.isEmpty()) {
            level = disabilityLevels.get(rawLevel.toUpperCase(Locale.ROOT));
            if (level == null) {
                errors.add(error(ImportColumn.DISABILITY_LEVEL, "import.disability.level"));
            }
        }
        if (!cell(cells, ImportColumn.DISABILITY_CATEGORY).isEmpty() && rawLevel.isEmpty()) {
            errors.add(error(ImportColumn.DISABILITY_LEVEL, "import.disability.levelMissing"));
        }
        else if (cell(cells, ImportColumn.DISABILITY_CATEGORY).isEmpty() && !rawLevel.isEmpty()) {
            errors.add(error(ImportColumn.DISABILITY_CATEGORY, "import.disability.categoryMissing"));
        }
        BigDecimal income = null;
        String rawIncome = cell(cells, ImportColumn.INCOME_PER_PERSON);
        if (!rawIncome.isEmpty()) {
            if (MONEY.matcher(rawIncome).matches()) {
                income = new BigDecimal(rawIncome);
            }
            else {
                errors.add(error(ImportColumn.INCOME_PER_PERSON, "import.income.format"));
            }
        }
        return new StagedRow(rowNumber, residentId.map(ResidentId::value).orElse(truncate(rawId, 40)),
                residentId.map(ResidentId::birthDate).orElse(null), residentId.map(ResidentId::sex).orElse(null),
                name, community.isEmpty() ? null : truncate(community, 40),
                communityName.isEmpty() ? null : communityName,
                text(cells, ImportColumn.ADDRESS, 200, false, NAME, "elder.name.characters", errors),
                text(cells, ImportColumn.PHONE, 30, false, PHONE, "elder.phone.pattern", errors),
                text(cells, ImportColumn.ETHNICITY, 20, false, NAME, "elder.name.characters", errors),
                flag(cells, ImportColumn.HUKOU_LOCAL, true, errors),
                living, flag(cells, ImportColumn.SOLITARY, false, errors),
                flag(cells, ImportColumn.LOST_ONLY_CHILD, false, errors), economic, income, disability, level,
                flag(cells, ImportColumn.LEFT_BEHIND, false, errors),
                flag(cells, ImportColumn.ONLY_CHILD_DISABLED, false, errors),
                flag(cells, ImportColumn.SPECIAL_CARE_RECIPIENT, false, errors),
                flag(cells, ImportColumn.SERIOUS_ILLNESS, false, errors),
                text(cells, ImportColumn.GUARDIAN_NAME, 50, false, NAME, "elder.name.characters", errors),
                text(cells, ImportColumn.GUARDIAN_RELATION, 20, false, NAME, "elder.name.characters", errors),
                text(cells, ImportColumn.GUARDIAN_PHONE, 30, false, PHONE, "elder.phone.pattern", errors),
                text(cells, ImportColumn.EMERGENCY_NAME, 50, false, NAME, "elder.name.characters", errors),
                text(cells, ImportColumn.EMERGENCY_PHONE, 30, false, PHONE, "elder.phone.pattern", errors),
                text(cells, ImportColumn.NOTES, 1000, false, null, null, errors), errors);
    }

    private String text(List<String> cells, ImportColumn column, int max, boolean required, Pattern allowed,
                        String patternKey, List<String> errors) {
        String value = cell(cells, column);
        if (value.isEmpty()) {
            if (required) {
                errors.add(error(column, "import.required"));
            }
            return null;
        }
        if (value.length() > max) {
            errors.add(error(column, "import.tooLong"));
            return truncate(value, max);
        }
        if (allowed != null && !allowed.matcher(value).matches()) {
            errors.add(error(column, patternKey));
        }
        return value;
    }

    private <E> E coded(List<String> cells, ImportColumn column, Map<String, E> vocabulary, List<String> errors) {
        String value = cell(cells, column);
        if (value.isEmpty()) {
            errors.add(error(column, "import.required"));
            return null;
        }
        E coded = vocabulary.get(value.toUpperCase(Locale.ROOT));
        if (coded == null) {
            errors.add(error(column, "import.code.unknown"));
        }
        return coded;
    }

    private Boolean flag(List<String> cells, ImportColumn column, boolean whenBlank, List<String> errors) {
        String value = cell(cells, column).toUpperCase(Locale.ROOT);
        return switch (value) {
            case "" -> whenBlank;
            case "是", "Y", "YES", "TRUE", "1" -> true;
            case "否", "N", "NO", "FALSE", "0" -> false;
            default -> {
                errors.add(error(column, "import.flag.unknown"));
                yield null;
            }
        };
    }

    /** A community's name as the checks compare it: {@code 街道 ／ 社区} becomes {@code 街道/社区}. */
    static String communityName(String raw) {
        String name = raw.replace('／', '/').strip();
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash).strip() + "/" + name.substring(slash + 1).strip();
    }

    private String cell(List<String> cells, ImportColumn column) {
        Integer position = positions.get(column);
        return position == null || position >= cells.size() ? "" : cells.get(position).strip();
    }

    private static String error(ImportColumn column, String key) {
        return column.name() + "|" + key;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static <E extends Enum<E>> Map<String, E> vocabulary(E[] values, Function<E, String> key,
                                                                 MessageSource messages) {
        Map<String, E> vocabulary = new java.util.HashMap<>();
        for (E value : values) {
            vocabulary.put(value.name(), value);
            labels(key.apply(value), messages).forEach(label -> vocabulary.put(label.toUpperCase(Locale.ROOT), value));
        }
        return vocabulary;
    }

    private static List<String> labels(String key, MessageSource messages) {
        return List.of(messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE),
                messages.getMessage(key, null, key, Locale.ENGLISH));
    }
}
