package org.yinling.homecare;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.DemoUsers;
import org.yinling.account.Role;

/**
 * Demo home care, after the demo policies and institutions: a catalogue of ten services priced for the district,
 * two providers of the demo district (one serving 蓝天 and
 * 瓜山 communities, one serving 祥符 street) with the demo accounts {@code provider} (manager of the first) and
 * {@code worker} (its care worker). Nothing is added when demo providers exist.
 */
@Component
@Order(DemoHomeCare.ORDER)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoHomeCare implements ApplicationRunner {

    static final int ORDER = 60;
    static final String DISTRICT = "330105000000";
    private static final Logger log = LoggerFactory.getLogger(DemoHomeCare.class);

    private final JdbcClient jdbc;
    private final DemoUsers users;
    private final Clock clock;

    DemoHomeCare(JdbcClient jdbc, DemoUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        catalogue();
        if (jdbc.sql("SELECT count(*) FROM home_care_provider WHERE demo").query(Integer.class).single() > 0) {
            return;
        }
        long lantian = provider("蓝天居家养老服务中心（演示）", "52330105MJ1234567X", "HOME_SERVICE", "周建华", "0571-88001234",
                "330105001001", "330105001002");
        long xiangfu = provider("祥符助老服务社（演示）", "52330105MJ7654321T", "CARE_CENTRE", "吴晓梅", "0571-88005678",
                "330105002001", "330105002002");
        users.add("provider", "蓝天居家养老服务中心 周建华（演示）", Role.PROVIDER_MANAGER, DISTRICT, lantian);
        users.add("worker", "蓝天居家养老服务中心 护理员 赵芳（演示）", Role.CARE_WORKER, DISTRICT, lantian);
        users.add("worker2", "祥符助老服务社 护理员 钱进（演示）", Role.CARE_WORKER, DISTRICT, xiangfu);
        log.info("Demo home care: 2 providers with their accounts");
    }

    /**
     * Ten demo services across the categories, priced for the district from 2024-01-01 at Hangzhou's usual rates;
     * 上塘街道 pays less for bathing, and cleaning costs more from next January 1st. Nothing is added when demo items
     * exist.
     */
    private void catalogue() {
        if (jdbc.sql("SELECT count(*) FROM home_care_item WHERE demo").query(Integer.class).single() > 0) {
            return;
        }
        LocalDate from = LocalDate.of(2024, 1, 1);
        item("MEAL-DELIVERY", "助餐送餐上门", "MEAL", "VISIT", 20, from, "15.00");
        long bath = item("BATH-HOME", "上门助浴", "BATH", "VISIT", 60, from, "80.00");
        long cleaning = item("CLEAN-HOUR", "居家保洁", "CLEANING", "HOUR", 120, from, "40.00");
        item("MOBILITY-ESCORT", "陪同出行", "MOBILITY", "HOUR", 60, from, "35.00");
        item("EMERGENCY-VISIT", "紧急呼叫上门响应", "EMERGENCY", "VISIT", 30, from, "30.00");
        item("MEDICAL-ESCORT", "陪同就医", "MEDICAL", "HOUR", 120, from, "45.00");
        item("HEALTH-CHECK", "上门测血压血糖", "MEDICAL", "VISIT", 20, from, "20.00");
        item("REHAB-HOME", "上门康复训练", "REHABILITATION", "VISIT", 45, from, "60.00");
        item("COMPANY-CHAT", "精神慰藉（陪伴聊天）", "COMPANIONSHIP", "HOUR", 60, from, "30.00");
        item("HOUSEKEEPING", "家政服务（洗衣、做饭）", "HOUSEKEEPING", "HOUR", 120, from, "38.00");
        price(bath, "330105001000", from, "70.00");
        price(cleaning, DISTRICT, LocalDate.now(clock).plusYears(1).withDayOfYear(1), "45.00");
        log.info("Demo home care: 10 catalogue items with their prices");
    }

    private long item(String code, String name, String category, String unit, int minutes, LocalDate from,
                      String districtPrice) {
        long id = jdbc.sql("""
                        INSERT INTO home_care_item (code, name, category, unit, standard_minutes, demo, updated_by)
                        VALUES (:code, :name, :category, :unit, :minutes, TRUE, 'demo')
                        ON CONFLICT (code) DO UPDATE SET demo = TRUE
                        RETURNING id
                        """)
                .param("code", code).param("name", name).param("category", category).param("unit", unit)
                .param("minutes", minutes).query(Long.class).single();
        price(id, DISTRICT, from, districtPrice);
        return id;
    }

    private void price(long item, String region, LocalDate from, String amount) {
        jdbc.sql("""
                        INSERT INTO home_care_price (item_id, region_code, effective_from, unit_price, created_by)
                        VALUES (:item, :region, :from, CAST(:amount AS numeric), 'demo') ON CONFLICT DO NOTHING
                        """)
                .param("item", item).param("region", region).param("from", from).param("amount", amount).update();
    }

    private long provider(String name, String creditCode, String kind, String contact, String phone,
                          String... communities) {
        long id = jdbc.sql("""
                        INSERT INTO home_care_provider (name, credit_code, kind, region_code, contract_from, contract_to,
                                                        payee_bank, payee_account, contact_name, contact_phone, demo,
                                                        created_by, updated_by)
                        VALUES (:name, :code, :kind, :district, DATE '2024-01-01', DATE '2028-12-31', '中国工商银行杭州拱墅支行',
                                '1202020409900012345', :contact, :phone, TRUE, 'demo', 'demo')
                        RETURNING id
                        """)
                .param("name", name).param("code", creditCode).param("kind", kind).param("district", DISTRICT)
                .param("contact", contact).param("phone", phone)
                .query(Long.class).single();
        for (String community : communities) {
            jdbc.sql("INSERT INTO home_care_provider_community (provider_id, community_code) VALUES (:p, :c)")
                    .param("p", id).param("c", community).update();
        }
        return id;
    }
}
