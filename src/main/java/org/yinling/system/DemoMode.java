package org.yinling.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Whether this instance runs with demo data, which the login page and the layout say plainly. */
@Component
public class DemoMode {

    private final boolean enabled;

    DemoMode(@Value("${yinling.demo.enabled:false}") boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }
}
