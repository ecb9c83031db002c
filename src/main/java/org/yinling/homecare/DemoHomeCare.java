package org.yinling.homecare;

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
 * Demo home care, after the demo policies and institutions: two providers of the demo district (one serving 蓝天 and
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

    DemoHomeCare(JdbcClient jdbc, DemoUsers users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
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
