package org.yinling.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/token}: the OAuth 2 client credentials grant (RFC 6749 §4.4). The client authenticates with
 * HTTP Basic ({@code client_secret_basic}) or with {@code client_id} and {@code client_secret} in the form
 * ({@code client_secret_post}), not both; the answer is a bearer token (§5.1) or an error (§5.2). Its errors follow
 * RFC 6749 rather than RFC 9457, because OAuth client libraries read them.
 */
@RestController
class ApiTokenController {

    static final String PATH = "/api/v1/token";

    private final ApiTokens tokens;
    private final ApiTokenAttempts attempts;

    ApiTokenController(ApiTokens tokens, ApiTokenAttempts attempts) {
        this.tokens = tokens;
        this.attempts = attempts;
    }

    @Operation(summary = "Get an access token (OAuth 2 client credentials) / 获取访问令牌",
            description = "grant_type=client_credentials; the client id and secret by HTTP Basic or as form fields. "
                    + "The token is valid for 600 seconds. Errors follow RFC 6749 §5.2. "
                    + "用 HTTP Basic 或表单字段提交客户端编号和密钥；令牌有效 600 秒。",
            responses = {
                    @ApiResponse(responseCode = "200", description = "A bearer token / 访问令牌", content = @Content(
                            mediaType = "application/json", examples = @ExampleObject(value = """
                            {"access_token": "eyJhbGciOiJIUzI1NiJ9...", "token_type": "Bearer", "expires_in": 600}"""))),
                    @ApiResponse(responseCode = "400", description = "invalid_request, unsupported_grant_type",
                            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                            {"error": "unsupported_grant_type", "error_description": "Only client_credentials is supported."}"""))),
                    @ApiResponse(responseCode = "401", description = "invalid_client / 客户端编号或密钥错误，或已吊销",
                            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                            {"error": "invalid_client", "error_description": "Client authentication failed."}"""))),
                    @ApiResponse(responseCode = "429",
                            description = "10 failed attempts for this client id this minute; retry after Retry-After "
                                    + "seconds / 本分钟内该客户端失败次数过多",
                            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                            {"error": "invalid_client", "error_description": "Too many failed attempts for this client; retry after 42 seconds."}""")))})
    @SecurityRequirements
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> token(
            @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "client_secret", required = false) String clientSecret,
            @RequestParam(name = "scope", required = false) String scope,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Optional<String[]> basic = basic(authorization);
        boolean basicUsed = authorization != null && !authorization.isBlank();
        if (basicUsed && basic.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Unreadable HTTP Basic credentials.", true);
        }
        if (basicUsed && (clientSecret != null || clientId != null && !clientId.equals(basic.get()[0]))) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request",
                    "Use one client authentication method: HTTP Basic or form fields, not both.", false);
        }
        if (grantType == null || grantType.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is missing.", false);
        }
        if (!"client_credentials".equals(grantType)) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                    "Only client_credentials is supported.", false);
        }
        String id = basicUsed ? basic.get()[0] : clientId;
        String secret = basicUsed ? basic.get()[1] : clientSecret;
        if (id == null || secret == null) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Client authentication is missing.", false);
        }
        long wait = attempts.retryAfter(id);
        if (wait > 0) {
            ResponseEntity<Map<String, Object>> refused = error(HttpStatus.TOO_MANY_REQUESTS, "invalid_client",
                    "Too many failed attempts for this client; retry after " + wait + " seconds.", false);
            return ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(wait)).body(refused.getBody());
        }
        Optional<ApiTokens.Issued> issued = tokens.issue(id, secret);
        if (issued.isEmpty()) {
            attempts.failed(id);
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Client authentication failed.", basicUsed);
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(ApiTokens.answer(issued.get()));
    }

    /** The client id and secret of an HTTP Basic header (each form-urlencoded, RFC 6749 §2.3.1). */
    static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description,
                                                             boolean basicChallenge) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache");
        if (basicChallenge) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"yinling-api\"");
        }
        return answer.body(body);
    }
}
