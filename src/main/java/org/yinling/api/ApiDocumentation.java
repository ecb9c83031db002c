package org.yinling.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.headers.Header;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the API ({@code /v3/api-docs}, administrators only): its description in both languages,
 * the bearer scheme on every operation but the token endpoint, and the problem details (RFC 9457) every operation
 * may answer: 401, 403 and 429 always, 400 where the operation reads parameters or a body, 404 where its path names
 * a record.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI yinlingOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("银龄 Yinling API")
                        .version("v1")
                        .description("""
                                供其他部门系统对接的接口：先用客户端编号和密钥（OAuth 2 客户端凭证）在 POST /api/v1/token \
                                取得访问令牌（10 分钟有效），再以 Authorization: Bearer 调用其余接口。每个客户端只能看到其所属\
                                区域的数据，并只能做其授权范围内的操作；错误按 RFC 9457 以 application/problem+json 返回。

                                The API for other agencies' systems: get an access token (valid 10 minutes) at \
                                POST /api/v1/token with the client id and secret (OAuth 2 client credentials), then \
                                call the other operations with Authorization: Bearer. A client sees its own region \
                                only and may do what its scopes allow; errors are RFC 9457 problem details \
                                (application/problem+json). See docs/api.md."""))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("An access token from POST /api/v1/token / 令牌接口取得的访问令牌")));
    }

    /** The problem-details schema every error response refers to. */
    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("RFC 9457 problem details / 问题详情")
                .addProperty("type", new StringSchema().format("uri").example(ApiProblems.TYPE_BASE + "forbidden"))
                .addProperty("title", new StringSchema().example("Forbidden"))
                .addProperty("status", new IntegerSchema().example(403))
                .addProperty("detail", new StringSchema().example("This client lacks the scope this call needs."))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/elders"));
    }

    /**
     * The bearer scheme and the problem responses on every operation (the token endpoint: none of them). The problem
     * schema is added here, not in the {@link OpenAPI} bean above: springdoc replaces that bean's schemas with the
     * ones it finds in the code, and the responses' references pointed nowhere.
     */
    @Bean
    OpenApiCustomizer yinlingApiResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problem());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                if (path.equals(ApiTokenController.PATH)) {
                    operation.setSecurity(java.util.List.of());
                    return;
                }
                operation.setSecurity(java.util.List.of(new SecurityRequirement().addList(BEARER)));
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                if (reads(operation)) {
                    add(responses, "400", "Bad request: a parameter or the body cannot be read / 请求无法读取",
                            "unreadable", 400, "Bad Request", "The body is not valid JSON.");
                }
                add(responses, "401", "Missing, expired, malformed or revoked token / 令牌缺失、过期或已吊销",
                        "invalidToken", 401, "Unauthorized",
                        "The access token is expired, malformed, wrongly signed or revoked.");
                add(responses, "403", "The client lacks this operation's scope / 缺少授权范围",
                        "forbidden", 403, "Forbidden", "This client lacks the scope this call needs.");
                if (path.contains("{")) {
                    add(responses, "404", "No such record in the client's region / 客户端区域内无此记录",
                            "notFound", 404, "Not Found", "Nothing is found at this address.");
                }
                add(responses, "429", "Over the client's rate limit; retry after Retry-After seconds / 超过调用频率限制",
                        "tooManyRequests", 429, "Too Many Requests",
                        "This client has made more than 600 calls this minute.");
                responses.get("429").addHeaderObject("Retry-After", new Header()
                        .description("Seconds until calls are accepted again / 多少秒后可再调用")
                        .schema(new IntegerSchema()));
                operation.setResponses(responses);
            }));
        };
    }

    private static boolean reads(Operation operation) {
        return operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
    }

    private static void add(ApiResponses responses, String code, String description, String type, int status,
                            String title, String detail) {
        if (responses.containsKey(code)) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ApiProblems.TYPE_BASE + type);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        responses.addApiResponse(code, new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .addExamples(type, new Example().value(example)))));
    }
}
