package org.yinling.elder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yinling.elder.StatusImportLine.Circumstance;

/**
 * One life event or status change as an API client sent it (issue 22 §3), its shape already checked by
 * {@link InboundEventReader}; what needs the rules (the resident ID, the values reported) is checked on the way into
 * the list ({@link #line}).
 *
 * @param index            its position in the request, from 0
 * @param eventId          the sending system's id of the event, unique per client
 * @param kind             what it reports
 * @param residentId       the resident ID as sent
 * @param date             the date of the death, move or status (ISO-8601)
 * @param communityCode    the new community (MOVE_IN)
 * @param economicStatus   the new economic status as sent (ECONOMIC_STATUS)
 * @param disabilityCategory the certificate's category as sent (DISABILITY)
 * @param disabilityLevel  the certificate's level (DISABILITY)
 * @param documentNo       the sending agency's document number, optional
 */
record InboundEvent(int index, String eventId, StatusImportKind kind, String residentId, LocalDate date,
                    String communityCode, String economicStatus, String disabilityCategory, Integer disabilityLevel,
                    String documentNo) {

    private static final String COMMUNITY_CODE = "[0-9]{12}";

    /** The event as a row of its list; {@code agency} is the sending system (the client), as the record's source. */
    StatusImportLine line(String agency, LocalDate today) {
        String problem = null;
        String community = null;
        EconomicStatus economic = null;
        DisabilityCategory category = null;
        Integer level = null;
        switch (kind) {
            case MOVE_IN -> {
                if (communityCode.matches(COMMUNITY_CODE)) {
                    community = communityCode;
                }
                else {
                    problem = "statusImport.reason.communityUnknown";
                }
            }
            case ECONOMIC_STATUS -> {
                economic = value(EconomicStatus.class, economicStatus);
                problem = economic == null ? "statusImport.reason.economicStatusUnknown" : null;
            }
            case DISABILITY -> {
                category = value(DisabilityCategory.class, disabilityCategory);
                level = disabilityLevel != null && disabilityLevel >= 1 && disabilityLevel <= 4 ? disabilityLevel : null;
                problem = category == null ? "statusImport.reason.disabilityCategoryUnknown"
                        : level == null ? "statusImport.reason.disabilityLevelRange" : null;
            }
            default -> { }
        }
        return StatusImportLine.of(index + 1, residentId, date.toString(), Optional.of(date), agency,
                documentNo == null ? "" : documentNo, new Circumstance(community, economic, category, level),
                problem, today);
    }

    /**
     * A fingerprint of what the event says, whatever the order of its fields: a repeated delivery carries the same,
     * an event id used again for something else does not.
     */
    String fingerprint() {
        String canonical = Stream.of(eventId, kind.name(), residentId, date.toString(), communityCode, economicStatus,
                        disabilityCategory, disabilityLevel == null ? null : disabilityLevel.toString(), documentNo)
                .map(v -> v == null ? "\u0000" : v)
                .collect(Collectors.joining("\u001f"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
