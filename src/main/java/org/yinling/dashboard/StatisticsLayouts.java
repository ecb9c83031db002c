package org.yinling.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The published layouts of the statistics export, oldest first. A new version is a new {@link StatisticsLayout}
 * class added to this list (docs/statistics-layout.md, "Adding a version"); callers that name no version get the
 * newest.
 */
@Component
class StatisticsLayouts {

    private final List<StatisticsLayout> layouts = List.of(new StatisticsLayoutV1());

    List<StatisticsLayout> all() {
        return layouts;
    }

    StatisticsLayout newest() {
        return layouts.stream().max(Comparator.comparingInt(StatisticsLayout::version)).orElseThrow();
    }

    Optional<StatisticsLayout> find(int version) {
        return layouts.stream().filter(l -> l.version() == version).findFirst();
    }

    /** The layout a request names ("1", blank for the newest); empty when it names none of the published ones. */
    Optional<StatisticsLayout> parse(String version) {
        if (version == null || version.isBlank()) {
            return Optional.of(newest());
        }
        String v = version.strip();
        if (!v.matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        return find(Integer.parseInt(v));
    }
}
