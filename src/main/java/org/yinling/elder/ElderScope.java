package org.yinling.elder;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.region.RegionScope;

/**
 * Whether an elder lies inside a user's region, for other modules' cards on the elder page (payments, stays, meals):
 * one place that answers 404 for an elder the user may not see.
 */
@Service
public class ElderScope {

    private final JdbcClient jdbc;

    ElderScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns normally when the elder is in {@code scope}; a 404 (no data, no hint) otherwise. */
    public void requireVisible(long elderId, RegionScope scope) {
        boolean visible = jdbc.sql("SELECT count(*) FROM elder WHERE id = ? AND community_code LIKE ?")
                .params(elderId, scope.likePattern()).query(Integer.class).single() == 1;
        if (!visible) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
