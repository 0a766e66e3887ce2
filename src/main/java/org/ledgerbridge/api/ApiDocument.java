package org.ledgerbridge.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BinarySchema;
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
import org.ledgerbridge.web.Problems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document a client generator can use: the product's name and version, the two ways
 * to log in (HTTP Basic, an API token as a bearer), and for every operation the error answers it
 * can give in the one error shape ({@link Problems}), besides its own; the ZIP and template
 * downloads as binary. Which errors an operation can give follows from what it is: every one can
 * be refused a login or a role (401, 403); one that reads parameters or a body can find them
 * unreadable (400); one with a record in its path can find none (404); a write can be refused by a
 * business rule (422); an upload can be too large (413).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

    static final String PROBLEM = "Problem";
    private static final Map<String, List<String>> DOWNLOADS = Map.of(
            "/api/export/gl", List.of("application/zip"), "/api/imis/convert", List.of("application/zip"),
            "/api/imports/templates/{kind}", List.of("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    @Bean
    OpenAPI ledgerBridgeApi(@Value("${ledgerbridge.version:development}") String version) {
        return new OpenAPI()
                .info(new Info().title("LedgerBridge API").version(version)
                        .description("Imports, the subledger's batches and journals, documents, GL export and delivery. "
                                + "Every error is application/problem+json with a stable code."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("a LedgerBridge user name and password"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("an API token (POST /api/me/tokens, or made on the command line)"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    @Bean
    OpenApiCustomizer errorAnswers() {
        return document -> document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
            operation.setResponses(responses);
            problem(responses, HttpStatus.UNAUTHORIZED);
            problem(responses, HttpStatus.FORBIDDEN);
            if ((operation.getParameters() != null && !operation.getParameters().isEmpty()) || operation.getRequestBody() != null) {
                problem(responses, HttpStatus.BAD_REQUEST);
            }
            if (path.contains("{")) {
                problem(responses, HttpStatus.NOT_FOUND);
            }
            if (method != PathItem.HttpMethod.GET) {
                problem(responses, HttpStatus.UNPROCESSABLE_CONTENT);
            }
            if (isUpload(operation)) {
                problem(responses, HttpStatus.CONTENT_TOO_LARGE);
            }
            if (method == PathItem.HttpMethod.POST && (path.equals("/api/imports/{kind}") || path.equals("/api/gl/send"))) {
                operation.addParametersItem(new io.swagger.v3.oas.models.parameters.HeaderParameter().name("Idempotency-Key")
                        .description("a key of your choosing (1-200 visible characters): a retry with the same key gets the "
                                + "first answer again (Idempotent-Replayed: true) instead of doing the work twice")
                        .schema(new StringSchema().maxLength(200)));
                problem(responses, HttpStatus.CONFLICT);
            }
            if (DOWNLOADS.containsKey(path)) {
                Content file = new Content();
                DOWNLOADS.get(path).forEach(type -> file.addMediaType(type, new MediaType().schema(new BinarySchema())));
                responses.addApiResponse("200", new ApiResponse().description("the file").content(file));
            }
        }));
    }

    private static boolean isUpload(Operation operation) {
        return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey("multipart/form-data");
    }

    private static void problem(ApiResponses responses, HttpStatus status) {
        String code = String.valueOf(status.value());
        if (responses.containsKey(code) && responses.get(code).getContent() != null
                && responses.get(code).getContent().containsKey(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
            return;
        }
        responses.addApiResponse(code, new ApiResponse().description(Problems.words(status).title())
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details; members beyond these belong to the code (errors, field, details)")
                .addProperty("title", new StringSchema().description("the HTTP status in words"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what went wrong, in words"))
                .addProperty("instance", new StringSchema().description("the address asked for"))
                .addProperty("code", new StringSchema().description("the stable code: a rule's, or NOT_FOUND, ROLE_NOT_ALLOWED ..."))
                .additionalProperties(true);
    }
}
