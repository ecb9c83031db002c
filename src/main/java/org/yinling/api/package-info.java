/**
 * The API for other agencies' systems (issue 22): the API's own security filter chain (stateless, bearer tokens, no
 * session and no CSRF: a browser's session cookie never authenticates an API call), answers in RFC 9457 problem
 * details, and the client's own view of itself. Each module serves its own {@code /api/v1/...} routes from a
 * package-private {@code @RestController} over its own service; the caller is an {@link org.yinling.account.ApiCaller}.
 * See docs/api.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API",
        allowedDependencies = {"account", "audit", "region", "system"})
package org.yinling.api;
