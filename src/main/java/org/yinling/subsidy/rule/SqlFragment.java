package org.yinling.subsidy.rule;

import java.util.ArrayList;
import java.util.List;

/** A piece of SQL with {@code ?} placeholders and the values that bind to them, in order. */
public record SqlFragment(String sql, List<Object> params) {

    public SqlFragment {
        params = List.copyOf(params);
    }

    public static SqlFragment of(String sql, Object... params) {
        return new SqlFragment(sql, List.of(params));
    }

    /** This fragment, then {@code other}: the SQL joined by {@code separator}, the parameters in the same order. */
    public SqlFragment then(String separator, SqlFragment other) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new SqlFragment(sql + separator + other.sql, all);
    }

    public static SqlFragment join(String separator, List<SqlFragment> parts) {
        StringBuilder sql = new StringBuilder();
        List<Object> all = new ArrayList<>();
        for (SqlFragment part : parts) {
            if (!sql.isEmpty()) {
                sql.append(separator);
            }
            sql.append(part.sql);
            all.addAll(part.params);
        }
        return new SqlFragment(sql.toString(), all);
    }
}
