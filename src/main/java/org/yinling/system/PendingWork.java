package org.yinling.system;

import java.util.List;

import org.springframework.security.core.Authentication;

/**
 * What waits for the signed-in user in one module (reviews at their stage, re-checks, publicity to conclude, batches
 * to approve, imports to confirm, missed visits): feature modules contribute beans; the home page lists the counts and
 * the navigation shows them beside the entries they lead to. Each count is one cheap, region-scoped, indexed query;
 * nothing is listed when nothing waits.
 */
public interface PendingWork {

    /** The items waiting for the user; empty when none (or when the role has no such work). */
    List<Item> pendingFor(Authentication authentication);

    /**
     * One kind of waiting work.
     *
     * @param key     message key of the line ({0} is the count)
     * @param count   how many wait, above zero
     * @param path    the filtered list that shows them
     * @param navPath the navigation entry it belongs to (its path), for the menu's badge
     */
    record Item(String key, long count, String path, String navPath) implements java.io.Serializable {
    }
}
