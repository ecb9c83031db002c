package org.yinling.api;

import java.security.SecureRandom;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The HMAC key (HS256) that signs and checks access tokens, kept in the database so that every node of the
 * application signs and checks with the same key. The first node to need it makes it (256 random bits); the others
 * read it. Read once per node, then held in memory.
 */
@Repository
class ApiSigningKeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private volatile SecretKey key;

    ApiSigningKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                current = key;
                if (current == null) {
                    current = new SecretKeySpec(load(), "HmacSHA256");
                    key = current;
                }
            }
        }
        return current;
    }

    private byte[] load() {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("INSERT INTO api_signing_key (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING")
                .param("secret", fresh)
                .update();
        return jdbc.sql("SELECT secret FROM api_signing_key WHERE id = 1").query(byte[].class).single();
    }
}
