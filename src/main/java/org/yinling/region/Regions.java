package org.yinling.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the region tree for every module. */
@Service
@Transactional(readOnly = true)
public class Regions {

    private final RegionRepository repository;

    Regions(RegionRepository repository) {
        this.repository = repository;
    }

    public Optional<RegionView> find(String code) {
        return code == null ? Optional.empty() : repository.findById(code).map(Region::toView);
    }

    public List<RegionView> children(String code) {
        return repository.findByParentCodeOrderByCode(code).stream().map(Region::toView).toList();
    }

    public List<RegionView> ofLevel(RegionLevel level) {
        return repository.findByLevelOrderByCode(level).stream().map(Region::toView).toList();
    }

    /** Every region, parents before their children (ordered by code): for region pickers. */
    public List<RegionView> all() {
        return repository.findAllByOrderByCode().stream().map(Region::toView).toList();
    }

    /** The regions of a level inside a scope, by code: e.g. the communities a clerk or a street may choose. */
    public List<RegionView> within(RegionScope scope, RegionLevel level) {
        return repository.findByLevelOrderByCode(level).stream()
                .filter(region -> scope.contains(region.getCode()))
                .map(Region::toView).toList();
    }

    /** Code → name of every region: small (a district has well under a thousand), for labelling list rows. */
    public Map<String, String> allNames() {
        return repository.findAllByOrderByCode().stream()
                .collect(Collectors.toMap(Region::getCode, Region::getName));
    }

    /** Code → name for the given codes, in one query. */
    public Map<String, String> names(Collection<String> codes) {
        return repository.findAllById(Set.copyOf(codes)).stream()
                .collect(Collectors.toMap(Region::getCode, Region::getName));
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
}
