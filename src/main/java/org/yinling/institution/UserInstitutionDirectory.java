package org.yinling.institution;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.InstitutionDirectory;

/** The institutions user administration offers for an institution's manager (issue 23). */
@Component
class UserInstitutionDirectory implements InstitutionDirectory {

    private final JdbcClient jdbc;

    UserInstitutionDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Option> institutions() {
        return jdbc.sql("SELECT id, name FROM institution WHERE status <> 'CLOSED' ORDER BY name, id LIMIT 5000")
                .query((rs, n) -> new Option(rs.getLong("id"), rs.getString("name"))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> districtOf(long institutionId) {
        return jdbc.sql("SELECT substr(community_code, 1, 6) || '000000' FROM institution WHERE id = ? AND status <> 'CLOSED'")
                .param(institutionId).query(String.class).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(Collection<Long> institutionIds) {
        Map<Long, String> names = new HashMap<>();
        if (!institutionIds.isEmpty()) {
            jdbc.sql("SELECT id, name FROM institution WHERE id = ANY (?)")
                    .param(institutionIds.toArray(Long[]::new))
                    .query((rs, n) -> names.put(rs.getLong("id"), rs.getString("name"))).list();
        }
        return names;
    }
}
