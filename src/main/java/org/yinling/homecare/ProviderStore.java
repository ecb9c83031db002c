package org.yinling.homecare;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.system.LikePatterns;

/** Providers and the communities they serve; every read takes the user's {@link HomeCareScope}. */
@Repository
class ProviderStore {

    private static final String SELECT = """
            SELECT p.id, p.name, p.credit_code, p.kind, p.region_code, p.contract_from, p.contract_to, p.payee_bank,
                   p.payee_account, p.contact_name, p.contact_phone, p.status, p.lock_version,
                   ARRAY(SELECT pc.community_code FROM home_care_provider_community pc WHERE pc.provider_id = p.id
                         ORDER BY pc.community_code) AS communities
            FROM home_care_provider p""";

    private final JdbcClient jdbc;

    ProviderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The list's filter: a text in the name or credit code, a kind. */
    record Filter(String text, ProviderKind kind) {

        String pattern() {
            return text == null || text.isBlank() ? null : "%" + LikePatterns.escape(text.strip()) + "%";
        }
    }

    List<Provider> search(Filter filter, HomeCareScope scope, int limit, int offset) {
        return jdbc.sql(SELECT + where(filter, scope) + " ORDER BY p.name, p.id LIMIT :limit OFFSET :offset")
                .params(scope.parameters()).param("text", filter.pattern())
                .param("kind", filter.kind() == null ? null : filter.kind().name())
                .param("limit", limit).param("offset", offset)
                .query(ProviderStore::map).list();
    }

    long count(Filter filter, HomeCareScope scope) {
        return jdbc.sql("SELECT count(*) FROM home_care_provider p" + where(filter, scope))
                .params(scope.parameters()).param("text", filter.pattern())
                .param("kind", filter.kind() == null ? null : filter.kind().name())
                .query(Long.class).single();
    }

    private static String where(Filter filter, HomeCareScope scope) {
        return " WHERE " + scope.providerCondition("p")
                + " AND (CAST(:text AS text) IS NULL OR p.name ILIKE :text ESCAPE '!' OR p.credit_code ILIKE :text ESCAPE '!')"
                + " AND (CAST(:kind AS text) IS NULL OR p.kind = :kind)";
    }

    Optional<Provider> find(long id, HomeCareScope scope) {
        return jdbc.sql(SELECT + " WHERE p.id = :id AND " + scope.providerCondition("p"))
                .params(scope.parameters()).param("id", id)
                .query(ProviderStore::map).optional();
    }

    /** Whether another provider (than {@code exceptId}) has the credit code. */
    boolean creditCodeTaken(String creditCode, Long exceptId) {
        return jdbc.sql("SELECT count(*) > 0 FROM home_care_provider WHERE credit_code = :code AND id <> :id")
                .param("code", creditCode).param("id", exceptId == null ? -1L : exceptId)
                .query(Boolean.class).single();
    }

    long insert(ProviderForm f, String districtCode, String actor) {
        long id = jdbc.sql("""
                        INSERT INTO home_care_provider (name, credit_code, kind, region_code, contract_from, contract_to,
                                                        payee_bank, payee_account, contact_name, contact_phone, status,
                                                        created_by, updated_by)
                        VALUES (:name, :code, :kind, :region, :from, :to, :bank, :account, :contact, :phone, :status,
                                :actor, :actor)
                        RETURNING id
                        """)
                .param("name", f.name().strip()).param("code", f.normalisedCreditCode()).param("kind", f.kind().name())
                .param("region", districtCode).param("from", f.contractFrom()).param("to", f.contractTo())
                .param("bank", blank(f.payeeBank())).param("account", blank(f.payeeAccount()))
                .param("contact", blank(f.contactName())).param("phone", blank(f.contactPhone()))
                .param("status", f.status().name()).param("actor", actor)
                .query(Long.class).single();
        replaceCommunities(id, f.chosenCommunities());
        return id;
    }

    /** False when the provider changed since the form's version was read (optimistic lock). */
    boolean update(long id, ProviderForm f, String actor) {
        int updated = jdbc.sql("""
                        UPDATE home_care_provider SET name = :name, credit_code = :code, kind = :kind,
                            contract_from = :from, contract_to = :to, payee_bank = :bank, payee_account = :account,
                            contact_name = :contact, contact_phone = :phone, status = :status, updated_by = :actor,
                            updated_at = now(), lock_version = lock_version + 1
                        WHERE id = :id AND lock_version = :version
                        """)
                .param("name", f.name().strip()).param("code", f.normalisedCreditCode()).param("kind", f.kind().name())
                .param("from", f.contractFrom()).param("to", f.contractTo())
                .param("bank", blank(f.payeeBank())).param("account", blank(f.payeeAccount()))
                .param("contact", blank(f.contactName())).param("phone", blank(f.contactPhone()))
                .param("status", f.status().name()).param("actor", actor)
                .param("id", id).param("version", f.version() == null ? -1L : f.version())
                .update();
        if (updated == 0) {
            return false;
        }
        replaceCommunities(id, f.chosenCommunities());
        return true;
    }

    /** The served communities become exactly the given ones (set-based). */
    private void replaceCommunities(long id, List<String> communities) {
        // the codes are checked 12-digit community codes: a comma-separated list is safe to split in SQL
        String codes = String.join(",", communities.stream().distinct().toList());
        jdbc.sql("""
                        DELETE FROM home_care_provider_community
                        WHERE provider_id = :id AND NOT community_code = ANY(string_to_array(:codes, ','))
                        """)
                .param("id", id).param("codes", codes).update();
        jdbc.sql("""
                        INSERT INTO home_care_provider_community (provider_id, community_code)
                        SELECT :id, c FROM unnest(string_to_array(:codes, ',')) AS c ON CONFLICT DO NOTHING
                        """)
                .param("id", id).param("codes", codes).update();
    }

    /**
     * How many of the provider's orders were sent or accepted and are now past the missed-after minutes of the
     * settings in force for their community and day, with no check-in: visits the provider has missed so far.
     */
    long missedVisits(long providerId, OffsetDateTime now, java.time.ZoneId zone) {
        return jdbc.sql("SELECT count(*) FROM home_care_order o WHERE o.provider_id = :provider AND " + OrderStore.MISSED)
                .param("provider", providerId).param("now", now).param("zone", zone.getId())
                .query(Long.class).single();
    }

    /** Every provider of the district, for choosing one (a user's provider). */
    List<Provider> ofAll() {
        return jdbc.sql(SELECT + " ORDER BY p.name, p.id").query(ProviderStore::map).list();
    }

    Optional<Provider> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(ProviderStore::map).optional();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Provider map(ResultSet rs, int row) throws SQLException {
        String[] communities = (String[]) rs.getArray("communities").getArray();
        return new Provider(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
                ProviderKind.valueOf(rs.getString("kind")), rs.getString("region_code"),
                rs.getObject("contract_from", LocalDate.class), rs.getObject("contract_to", LocalDate.class),
                rs.getString("payee_bank"), rs.getString("payee_account"), rs.getString("contact_name"),
                rs.getString("contact_phone"), ProviderStatus.valueOf(rs.getString("status")),
                rs.getLong("lock_version"), Arrays.asList(communities));
    }
}
