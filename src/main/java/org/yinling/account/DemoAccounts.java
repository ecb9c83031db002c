package org.yinling.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo accounts listed on the login page in demo mode, one per role, all with password {@value #PASSWORD}.
 * Inserted when missing; an account an administrator changed is left as it is.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "yinling";
    static final String DISTRICT = "330105000000";
    static final String STREET_SHANGTANG = "330105001000";
    static final String COMMUNITY_LANTIAN = "330105001001";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final DemoUsers users;

    DemoAccounts(DemoUsers users) {
        this.users = users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int added = insert("admin", "系统管理员（演示）", Role.ADMIN, DISTRICT)
                + insert("district", "区民政局 王敏（演示）", Role.DISTRICT_STAFF, DISTRICT)
                + insert("street", "上塘街道 李强（演示）", Role.STREET_REVIEWER, STREET_SHANGTANG)
                + insert("community", "蓝天社区 张丽（演示）", Role.COMMUNITY_CLERK, COMMUNITY_LANTIAN)
                + insert("manager", "区民政局 陈局长（演示）", Role.MANAGER, DISTRICT);
        if (added > 0) {
            log.info("Demo accounts: added {} (password '{}')", added, PASSWORD);
        }
    }

    private int insert(String username, String displayName, Role role, String regionCode) {
        return users.add(username, displayName, role, regionCode, null);
    }
}
