/**
 * Accounts: users with one role and a region scope, login with lockout, password policy, user administration.
 * Other modules read the logged-in user as {@link org.yinling.account.CurrentUser}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts",
        allowedDependencies = {"audit", "region", "system"})
package org.yinling.account;
