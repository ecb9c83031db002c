/**
 * System: the embedded database, security filter chain, layout and navigation, i18n, home, login and error pages.
 * Feature modules contribute {@link org.yinling.system.NavItem} beans to the navigation and home page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System",
        allowedDependencies = {})
package org.yinling.system;
