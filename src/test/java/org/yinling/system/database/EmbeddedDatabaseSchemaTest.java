package org.yinling.system.database;

import org.springframework.boot.test.context.SpringBootTest;

/** The schema contract on the embedded PostgreSQL (the default everywhere). */
@SpringBootTest
class EmbeddedDatabaseSchemaTest extends DatabaseSchemaContract {
}
