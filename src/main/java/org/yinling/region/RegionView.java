package org.yinling.region;

/** A region as other modules see it. */
public record RegionView(String code, String parentCode, RegionLevel level, String name,
                         UrbanRuralClass urbanRuralClass, Integer registeredPopulation, boolean demo) {

    public RegionScope scope() {
        return RegionScope.of(code, level);
    }
}
