package org.yinling;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.yinling.audit.AuditLog;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * One shape in every module: a controller binds, validates the form's shape, renders and redirects; the SQL, the
 * repositories and the audit log belong to the transactional service behind it, so that a change and its audit row
 * always commit together.
 */
class LayeringTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.yinling");

    /** What a controller must leave to a service: SQL of any kind, repositories, the entity manager, the audit log. */
    private static final DescribedPredicate<JavaClass> DATA_ACCESS_OR_AUDIT = assignableTo(JdbcClient.class)
            .or(assignableTo(JdbcOperations.class))
            .or(assignableTo(NamedParameterJdbcOperations.class))
            .or(assignableTo(EntityManager.class))
            .or(assignableTo(Repository.class))
            .or(assignableTo(AuditLog.class))
            .as("are JdbcClient, JdbcTemplate, NamedParameterJdbcTemplate, EntityManager, a Spring Data repository or AuditLog");

    @Test
    void controllersLeaveDataAccessAndTheAuditLogToServices() {
        // @RestController is meta-annotated with @Controller, so this covers both
        noClasses().that().areMetaAnnotatedWith(Controller.class)
                .should().dependOnClassesThat(DATA_ACCESS_OR_AUDIT)
                .because("a controller binds and renders; its service writes, audits and publishes in one transaction")
                .check(CLASSES);
    }
}
