package org.yinling.region;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo district, modelled on the ten streets named in seed 002 (拱墅区 work report). Codes follow the
 * statistical code layout but are illustrative, and every row is marked {@code demo}; the district's name says so.
 * Runs on every start and inserts only what is missing.
 */
@Component
@Order(DemoRegions.ORDER)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoRegions implements ApplicationRunner {

    static final int ORDER = 10;
    static final String DISTRICT_CODE = "330105000000";
    private static final Logger log = LoggerFactory.getLogger(DemoRegions.class);

    /** Street → its communities; a name ending in 村 is a village (rural), the rest urban. */
    private static final Map<String, List<String>> STREETS = new LinkedHashMap<>();

    static {
        STREETS.put("上塘街道", List.of("蓝天社区", "瓜山社区", "上塘社区", "皋亭社区", "假山新村社区", "红石板社区"));
        STREETS.put("祥符街道", List.of("祥符社区", "花园岗社区", "莫干山社区", "杨家牌楼社区", "勾山里社区"));
        STREETS.put("半山街道", List.of("半山社区", "田园社区", "杭钢社区", "半山村", "石塘村"));
        STREETS.put("米市巷街道", List.of("米市巷社区", "卖鱼桥社区", "大兜路社区", "左家新村社区"));
        STREETS.put("小河街道", List.of("小河社区", "和平社区", "紫荆家园社区", "长乐社区", "江南社区", "珠儿潭社区", "洋河社区"));
        STREETS.put("拱宸桥街道", List.of("拱宸桥社区", "桥西社区", "如意里社区", "吉祥寺社区", "都市水乡社区", "登云社区"));
        STREETS.put("和睦街道", List.of("和睦社区", "阮家桥社区", "李家桥社区", "方家埭社区"));
        STREETS.put("大关街道", List.of("大关南一社区", "大关西二社区", "大关西五社区", "德胜新村社区", "东新园社区",
                "南苑社区", "西苑社区", "上塘河社区"));
        STREETS.put("湖墅街道", List.of("湖墅社区", "信义坊社区", "德胜社区", "夹城巷社区", "仓基新村社区"));
        STREETS.put("康桥街道", List.of("康桥社区", "康宁社区", "康桥村", "独城村", "瓜山村", "石祥村"));
    }

    private final JdbcClient jdbc;
    private final Regions regions;

    DemoRegions(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int added = insert(DISTRICT_CODE, null, RegionLevel.DISTRICT, "拱墅区（演示）", null, null);
        // the bureau that issues the district's notices, with the address and telephone for objections (issue 20 §3)
        jdbc.sql("""
                        INSERT INTO issuing_bureau (region_code, name, address, phone, updated_by)
                        VALUES (?, '杭州市拱墅区民政局（演示）', '杭州市拱墅区台州路 2 号（演示地址）', '0571-8000 0000（演示）', 'system')
                        ON CONFLICT (region_code) DO NOTHING
                        """).param(DISTRICT_CODE).update();
        int street = 0;
        for (Map.Entry<String, List<String>> entry : STREETS.entrySet()) {
            street++;
            String streetCode = "330105%03d000".formatted(street);
            added += insert(streetCode, DISTRICT_CODE, RegionLevel.STREET, entry.getKey(), null, null);
            int community = 0;
            int village = 200;
            for (String name : entry.getValue()) {
                boolean rural = name.endsWith("村");
                String code = "330105%03d%03d".formatted(street, rural ? ++village : ++community);
                UrbanRuralClass urbanRural = rural ? UrbanRuralClass.VILLAGE
                        : street == 10 ? UrbanRuralClass.TOWN_CENTRE
                        : name.equals("杭钢社区") ? UrbanRuralClass.URBAN_RURAL_FRINGE : UrbanRuralClass.MAIN_URBAN;
                added += insert(code, streetCode, RegionLevel.COMMUNITY, name, urbanRural, population(code, rural));
            }
        }
        if (added > 0) {
            regions.changed();
            log.info("Demo regions: added {} regions of the demo district {}", added, DISTRICT_CODE);
        }
    }

    /** A stable, believable registered population: 4,000–12,000 for urban communities, 1,500–4,000 for villages. */
    private static int population(String code, boolean rural) {
        int spread = (int) Math.floorMod(code.hashCode() * 2_654_435_761L, rural ? 2_500L : 8_000L);
        return (rural ? 1_500 : 4_000) + spread;
    }

    private int insert(String code, String parent, RegionLevel level, String name, UrbanRuralClass urbanRural,
                       Integer population) {
        return jdbc.sql("""
                        INSERT INTO region (code, parent_code, level, name, urban_rural_class, registered_population, demo)
                        VALUES (:code, :parent, :level, :name, :urbanRural, :population, TRUE)
                        ON CONFLICT DO NOTHING
                        """)
                .param("code", code)
                .param("parent", parent)
                .param("level", level.name())
                .param("name", name)
                .param("urbanRural", urbanRural == null ? null : urbanRural.code())
                .param("population", population)
                .update();
    }
}
