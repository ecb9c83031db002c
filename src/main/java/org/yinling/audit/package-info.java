/**
 * Audit: the insert-only log of changes and of views of personal data. Other modules call {@link org.yinling.audit.AuditLog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = {"system"})
package org.yinling.audit;
