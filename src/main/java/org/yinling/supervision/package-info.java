/**
 * Institution supervision (issue 23, first part): inspection checklists as versioned data (GB 38600 areas with its
 * nine care risks), yearly inspections of care institutions by district and street staff, and the findings of failed
 * items with deadlines by severity (data per region), rectification, re-check and closure. See docs/supervision.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision",
        allowedDependencies = {"account", "audit", "institution", "payment", "region", "system"})
package org.yinling.supervision;
