package org.yinling.elder;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bodies of the inbound-event operations in the OpenAPI document: the handlers read a JSON tree themselves
 * ({@link InboundEventReader}, so that every problem is answered with its event's index and field), which springdoc
 * can only describe as "an object"; here each route gets its event schema (fields, which type needs which, the
 * values allowed, lengths), "one event or an array of at most {@value InboundEventReader#MAX_EVENTS}", and examples.
 */
@Configuration(proxyBeanMethods = false)
class InboundEventDocumentation {

    static final String LIFE_EVENT = "LifeEvent";
    static final String STATUS_CHANGE = "StatusChange";

    @Bean
    OpenApiCustomizer inboundEventBodies() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSchemas(LIFE_EVENT, lifeEvent())
                    .addSchemas(STATUS_CHANGE, statusChange());
            if (openApi.getPaths() == null) {
                return;
            }
            body(openApi.getPaths().get("/api/v1/life-events"), LIFE_EVENT, """
                    Life events from the police, health or funeral systems: one event or an array of at most \
                    10,000. 死亡、迁出、迁入（区域内另一社区）：单个事件或最多 10,000 个事件的数组。""",
                    ordered("death", ordered("eventId", "police-2026-000123", "type", "DEATH",
                                    "residentId", "330105194501011234", "date", "2026-11-30",
                                    "documentNo", "浙杭死证〔2026〕123号"),
                            "batch", List.of(
                                    ordered("eventId", "police-2026-000124", "type", "MOVE_OUT",
                                            "residentId", "330105194802022345", "date", "2026-11-28"),
                                    ordered("eventId", "police-2026-000125", "type", "MOVE_IN",
                                            "residentId", "330105195003033456", "date", "2026-11-29",
                                            "communityCode", "330105001002"))));
            body(openApi.getPaths().get("/api/v1/status-changes"), STATUS_CHANGE, """
                    Status changes from social assistance or the disabled persons' federation: one event or an \
                    array of at most 10,000. 经济状况（低保、特困等）或残疾人证：单个事件或最多 10,000 个事件的数组。""",
                    ordered("economicStatus", ordered("eventId", "assist-2026-88001", "type", "ECONOMIC_STATUS",
                                    "residentId", "330105194501011234", "date", "2026-12-01",
                                    "economicStatus", "MINIMUM_LIVING"),
                            "disability", ordered("eventId", "dpf-2026-5501", "type", "DISABILITY",
                                    "residentId", "330105194802022345", "date", "2026-12-01",
                                    "disabilityCategory", "PHYSICAL", "disabilityLevel", 2)));
            // the handlers' parameter type, which the bodies above replace: no longer referred to by anything
            if (openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().remove("JsonNode");
            }
        };
    }

    private static void body(PathItem path, String schema, String description, Map<String, Object> examples) {
        if (path == null || path.getPost() == null) {
            return;
        }
        Schema<?> event = new Schema<>().$ref("#/components/schemas/" + schema);
        MediaType json = new MediaType().schema(new ComposedSchema().oneOf(List.of(event,
                new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + schema))
                        .minItems(1).maxItems(InboundEventReader.MAX_EVENTS))));
        examples.forEach((name, value) -> json.addExamples(name, new Example().value(value)));
        path.getPost().setRequestBody(new RequestBody().required(true).description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, json)));
        if (path.getPost().getResponses() == null) {
            path.getPost().setResponses(new ApiResponses());
        }
        // the API module's problem-details schema (org.yinling.api.ApiDocumentation), which every error refers to
        path.getPost().getResponses().addApiResponse("413", new ApiResponse()
                .description("More than 10,000 events; nothing was applied / 事件超过 10,000 个，未处理任何事件")
                .content(new Content().addMediaType("application/problem+json", new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                        .addExamples("tooMany", new Example().value(ordered(
                                "type", InboundEventController.PROBLEM_TYPES + "events-too-many",
                                "title", "Content Too Large", "status", 413,
                                "detail", "A batch holds at most 10000 events; this one holds 10001. Nothing of it was applied."))))));
    }

    private static Schema<?> lifeEvent() {
        return common(new ObjectSchema()
                .description("A death, move-out or move into another community of the client's region / 生命事件"),
                "DEATH", "MOVE_OUT", "MOVE_IN")
                .addProperty("communityCode", new StringSchema().pattern("^[0-9]{12}$").example("330105001002")
                        .description("MOVE_IN only, required there: the new community's 12-digit code / 迁入的新社区代码"));
    }

    private static Schema<?> statusChange() {
        return common(new ObjectSchema()
                .description("A change of economic status or of the disability certificate / 状况变更"),
                "ECONOMIC_STATUS", "DISABILITY")
                .addProperty("economicStatus", new StringSchema()._enum(names(EconomicStatus.values()))
                        .description("ECONOMIC_STATUS only, required there / 经济状况"))
                .addProperty("disabilityCategory", new StringSchema()._enum(names(DisabilityCategory.values()))
                        .description("DISABILITY only, required there, with disabilityLevel / 残疾类别"))
                .addProperty("disabilityLevel", new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(4))
                        .description("DISABILITY only, required there: 1 (most severe) to 4 / 残疾等级"));
    }

    /** The fields of every event; a field not named in the schema is refused (400 with the event's index). */
    private static Schema<?> common(Schema<?> schema, String... types) {
        return schema
                .addProperty("eventId", new StringSchema().maxLength(InboundEventReader.MAX_ID_LENGTH)
                        .example("police-2026-000123")
                        .description("The sending system's id of the event: a repeat is answered as duplicate and "
                                + "changes nothing / 发送方事件编号（重复投递不再处理）"))
                .addProperty("type", new StringSchema()._enum(List.of(types)))
                .addProperty("residentId", new StringSchema().pattern("^[0-9]{17}[0-9X]$")
                        .example("330105194501011234").description("Resident ID (18 characters) / 公民身份号码"))
                .addProperty("date", new StringSchema().format("date").example("2026-11-30")
                        .description("The day it happened, not in the future / 发生日期"))
                .addProperty("documentNo", new StringSchema().maxLength(InboundEventReader.MAX_TEXT_LENGTH)
                        .description("Optional: the document's number (death certificate …) / 证明文书编号"))
                .required(List.of("eventId", "type", "residentId", "date"))
                .additionalProperties(false);
    }

    /** A map in the order given ({@code Map.of} has none): examples read field by field, the first example first. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
