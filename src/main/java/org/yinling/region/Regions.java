package org.yinling.region;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Read access to the region tree for every module.
 *
 * <p>The tree is small (a district has well under a thousand regions) and read on every list page, so it is served
 * from an immutable in-memory snapshot. A change made through this node replaces the snapshot once its transaction
 * commits; a change made on another node (or straight in SQL) shows here after at most {@link #MAX_AGE}.
 */
@Service
public class Regions {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final RegionRepository repository;
    private final Clock clock;
    private volatile Snapshot snapshot;

    Regions(RegionRepository repository) {
        this.repository = repository;
        // measures the age of the cached tree (an elapsed time, not a date): the zone plays no part
        this.clock = Clock.systemUTC();
    }

    public Optional<RegionView> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(tree().byCode.get(code));
    }

    public List<RegionView> children(String code) {
        return tree().children.getOrDefault(code, List.of());
    }

    public List<RegionView> ofLevel(RegionLevel level) {
        return tree().ordered.stream().filter(region -> region.level() == level).toList();
    }

    /** Every region, parents before their children (ordered by code): for region pickers. */
    public List<RegionView> all() {
        return tree().ordered;
    }

    /** The regions of a level inside a scope, by code: e.g. the communities a clerk or a street may choose. */
    public List<RegionView> within(RegionScope scope, RegionLevel level) {
        return tree().ordered.stream()
                .filter(region -> region.level() == level && scope.contains(region.code()))
                .toList();
    }

    /** Code → name of every region, for labelling list rows. */
    public Map<String, String> allNames() {
        return tree().names;
    }

    /** Code → name for the given codes (unknown codes are left out). */
    public Map<String, String> names(Collection<String> codes) {
        Map<String, String> names = tree().names;
        return codes.stream().filter(Objects::nonNull).distinct().filter(names::containsKey)
                .collect(Collectors.toMap(code -> code, names::get));
    }

    /** The region and its ancestors, top first: for breadcrumbs and for "上塘街道 / 蓝天社区" labels. */
    public List<RegionView> path(String code) {
        List<RegionView> path = new ArrayList<>();
        Optional<RegionView> current = find(code);
        while (current.isPresent()) {
            path.add(current.get());
            current = find(current.get().parentCode());
        }
        Collections.reverse(path);
        return path;
    }

    /** Drops the snapshot when the current transaction commits (or now, outside a transaction). */
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshot = null;
                }
            });
        } else {
            snapshot = null;
        }
    }

    private Snapshot tree() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.loadedAt.plus(MAX_AGE).isBefore(now)) {
            current = new Snapshot(repository.findAllByOrderByCode().stream().map(Region::toView).toList(), now);
            snapshot = current;
        }
        return current;
    }

    private static final class Snapshot {
        final List<RegionView> ordered;
        final Map<String, RegionView> byCode;
        final Map<String, String> names;
        final Map<String, List<RegionView>> children;
        final Instant loadedAt;

        Snapshot(List<RegionView> ordered, Instant loadedAt) {
            this.ordered = ordered;
            this.loadedAt = loadedAt;
            Map<String, RegionView> byCode = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, List<RegionView>> children = new LinkedHashMap<>();
            for (RegionView region : ordered) {
                byCode.put(region.code(), region);
                names.put(region.code(), region.name());
                if (region.parentCode() != null) {
                    children.computeIfAbsent(region.parentCode(), parent -> new ArrayList<>()).add(region);
                }
            }
            this.byCode = Collections.unmodifiableMap(byCode);
            this.names = Collections.unmodifiableMap(names);
            children.replaceAll((parent, list) -> List.copyOf(list));
            this.children = Collections.unmodifiableMap(children);
        }
    }
}
