package org.yinling.visit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.DemoUsers;
import org.yinling.account.Role;

/**
 * Demo visits, after the demo elders and home care: the demo visitors of 蓝天 community ({@code visitor}, a 网格员, and
 * {@code visitor2}, a volunteer).
 */
@Component
@Order(DemoVisits.ORDER)
@ConditionalOnProperty(name = "yinling.demo.enabled", havingValue = "true")
class DemoVisits implements ApplicationRunner {

    static final int ORDER = 80;
    static final String LANTIAN = "330105001001";
    private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);

    private final DemoUsers users;

    DemoVisits(DemoUsers users) {
        this.users = users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int added = users.add("visitor", "蓝天社区 网格员 孙悦（演示）", Role.VISITOR, LANTIAN, null)
                + users.add("visitor2", "蓝天社区 志愿者 周平（演示）", Role.VISITOR, LANTIAN, null);
        if (added > 0) {
            log.info("Demo visits: {} visitor accounts", added);
        }
    }
}
