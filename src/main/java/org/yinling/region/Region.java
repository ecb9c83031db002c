package org.yinling.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "region")
class Region {

    @Id
    private String code;

    @Column(name = "parent_code")
    private String parentCode;

    @Enumerated(EnumType.STRING)
    private RegionLevel level;

    private String name;

    @Column(name = "urban_rural_class")
    private UrbanRuralClass urbanRuralClass;

    @Column(name = "registered_population")
    private Integer registeredPopulation;

    private boolean demo;

    @Version
    private long version;

    protected Region() {
    }

    Region(String code, String parentCode, RegionLevel level, String name, boolean demo) {
        this.code = code;
        this.parentCode = parentCode;
        this.level = level;
        this.name = name;
        this.demo = demo;
    }

    void describe(String name, UrbanRuralClass urbanRuralClass, Integer registeredPopulation) {
        this.name = name;
        // Only communities and villages carry a class and a population; totals above them are computed.
        boolean community = level == RegionLevel.COMMUNITY;
        this.urbanRuralClass = community ? urbanRuralClass : null;
        this.registeredPopulation = community ? registeredPopulation : null;
    }

    RegionView toView() {
        return new RegionView(code, parentCode, level, name, urbanRuralClass, registeredPopulation, demo);
    }

    String getCode() {
        return code;
    }

    String getParentCode() {
        return parentCode;
    }

    RegionLevel getLevel() {
        return level;
    }

    String getName() {
        return name;
    }

    UrbanRuralClass getUrbanRuralClass() {
        return urbanRuralClass;
    }

    Integer getRegisteredPopulation() {
        return registeredPopulation;
    }

    long getVersion() {
        return version;
    }
}
