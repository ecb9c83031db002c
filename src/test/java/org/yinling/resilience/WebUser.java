package org.yinling.resilience;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A user with a browser's cookie jar, talking HTTP to one node (or, with the same jar, to another). */
final class WebUser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

    final CookieManager cookies;
    private final HttpClient client;

    WebUser() {
        this(new CookieManager());
    }

    WebUser(CookieManager cookies) {
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same user (the same cookies, hence the same session) in another browser tab. */
    WebUser sameCookies() {
        return new WebUser(cookies);
    }

    /** The session cookie's value, or null. */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    HttpResponse<String> logIn(String base, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = post(base, "/login", "/login", Map.of("username", username, "password", password));
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + response.statusCode() + " "
                    + response.headers().firstValue("Location").orElse(""));
        }
        return response;
    }

    HttpResponse<String> get(String base, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the CSRF token taken from {@code formPage}. */
    HttpResponse<String> post(String base, String formPage, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        return postWithToken(base, csrf(base, formPage), path, form);
    }

    /** Posts a form with a CSRF token taken earlier. */
    HttpResponse<String> postWithToken(String base, String token, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Uploads a file as multipart form data with the CSRF token taken from {@code formPage}. */
    HttpResponse<String> upload(String base, String formPage, String path, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String token = csrf(base, formPage);
        String boundary = "----yinling" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nSKIP"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String csrf(String base, String page) throws IOException, InterruptedException {
        HttpResponse<String> response = get(base, page);
        Matcher matcher = CSRF.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on " + page + " (" + response.statusCode() + ")");
        }
        return matcher.group(1);
    }
}
