package org.yinling.elder;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yinling.account.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;

/** An export of personal data is audited, and the audit row is committed before the file's first byte goes out. */
@SpringBootTest
class ElderExportAuditTest {

    @Autowired
    ElderExporter exporter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void theExportIsAuditedBeforeItsFirstByteGoesOut() {
        String body = ElderRegistryTest.TEST_COUNTY + "19440404" + "%03d".formatted((int) (Math.random() * 400) * 2 + 2);
        jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, '导出审计测试', 'FEMALE', DATE '1944-04-04', TRUE, '330105001001', 'ALONE', 'NONE',
                            'test', 'test')
                        """).param(body + ResidentId.checkCharacter(body)).update();
        int before = exports();
        int[] atFirstByte = {-1};
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                if (atFirstByte[0] < 0) {
                    // read on another connection: only a committed audit row is seen
                    atFirstByte[0] = exports();
                }
                super.write(bytes, offset, length);
            }

            @Override
            public synchronized void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
        long rows = exporter.export(new ElderSearch("导出审计测试", null, null, null, null, null, null, null, null, null,
                null), false, (CurrentUser) users.loadUserByUsername("district"), Locale.CHINA, out);
        assertThat(rows).isEqualTo(1);
        assertThat(atFirstByte[0]).isEqualTo(before + 1);
    }

    private int exports() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ELDERS_EXPORTED'").query(Integer.class).single();
    }
}
