/**
 * Coverage dashboards, the monthly report and indicator targets for managers. A read model: it reads the records
 * of the other modules with set-based SQL (and the tallies their tables keep by trigger) and never writes them.
 * Its own data are the targets per region and the dedicated staff recorded per street. The monthly report's .xlsx
 * takes the certificates and star grades of its region from supervision's SupervisionStatus as its page's card does.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboards and reports",
        allowedDependencies = {"account", "audit", "region", "supervision", "system"})
package org.yinling.dashboard;
