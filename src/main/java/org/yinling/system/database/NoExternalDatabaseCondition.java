package org.yinling.system.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the user has not pointed the application at a PostgreSQL of their own and has not switched the
 * embedded one off ({@code yinling.db.embedded.enabled=false}, as the prod profile does, so that a production start
 * without {@code SPRING_DATASOURCE_URL} fails loudly instead of quietly using a local database).
 */
class NoExternalDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))
                && context.getEnvironment().getProperty("yinling.db.embedded.enabled", Boolean.class, true);
    }
}
