package dev.atrium.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The head of the OpenAPI document served at {@code /api/schema} (Swagger UI at {@code /api/docs}). */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String BEARER = "bearer";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "Problem";
    static final String OUTAGE =
            "PostgreSQL or Redis is not answering, or Atrium is too busy (decoding images, hashing "
                    + "passwords, serving catalogue reads); "
                    + "nothing was changed, and Retry-After says when to try again";

    /**
     * The tags in the order a user meets them: signing in, then the people and organizations, the shop, the AR
     * projects, and last the sign-in page's own endpoint. Swagger UI lists the tags in the document's order; tags not
     * named here (none today) come after these.
     */
    static final List<String> TAG_ORDER = List.of(
            "Authentication",
            "Sessions",
            "Users",
            "Avatars",
            "Organizations",
            "Products",
            "Shops",
            "Cart",
            "Orders",
            "Offers",
            "AR projects",
            "AR image targets",
            "AR app tokens",
            "Sign-in page");

    /**
     * Schemas name their properties as the API writes them: snake_case, like {@code spring.jackson}'s naming strategy.
     * swagger-core reads records with a Jackson 2 mapper of its own, which knows nothing of that setting.
     */
    @Bean
    ModelResolver snakeCaseSchemas() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI atriumOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Atrium API")
                        .version("1")
                        .description("""
                                Accounts and organizations, a shop whose orders never oversell, and AR projects with \
                                image targets and app tokens.

                                Sign in with `POST /api/auth` and send the access token as `Authorization: Bearer \
                                <token>`. Errors are RFC 9457 problem details (`application/problem+json`); every \
                                response carries an `X-Request-Id`. Lists are paginated as \
                                `{"count","next","previous","results"}` with `page` (from 1) and `limit` (default 50, \
                                at most 1000).""")
                        .license(new License().name("MIT")))
                // Relative, so that "Try it out" calls the Atrium that served this page, whatever host, port or proxy
                // stands in front of it.
                .servers(List.of(new Server().url("/").description("This Atrium")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "An access token from POST /api/auth, or an app token of a project")));
    }

    /**
     * Error answers are problem details, whatever an operation's success answers are. springdoc gives an error
     * response declared without content the operation's own return type (tokens, a user, image bytes), which is not
     * what a client receives; such responses, and those declared as problems without a schema, get the problem schema.
     * Responses that declare a body of their own (the sign-in page's {@code POST /api} failures) keep it. So controllers
     * declare an error answer with a status and a description only, and {@link #PROBLEM_JSON} is written here alone.
     */
    @Bean
    OpenApiCustomizer problemAnswers() {
        return document -> {
            document.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            if (document.getPaths() == null) {
                return;
            }
            document.getPaths().values().forEach(path -> path.readOperations().forEach(OpenApiDocument::useProblems));
        };
    }

    /** Swagger UI shows the tags in the document's order, which otherwise follows the order the controllers load. */
    @Bean
    OpenApiCustomizer tagsInTheOrderUsersMeetThem() {
        return document -> {
            if (document.getTags() == null) {
                return;
            }
            List<Tag> tags = new ArrayList<>(document.getTags());
            tags.sort(Comparator.comparingInt(tag -> {
                int position = TAG_ORDER.indexOf(tag.getName());
                return position < 0 ? TAG_ORDER.size() : position;
            }));
            document.setTags(tags);
        };
    }

    private static void useProblems(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        @Nullable Content success = operation.getResponses().entrySet().stream()
                .filter(response -> response.getKey().startsWith("2"))
                .map(response -> response.getValue().getContent())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        boolean ownErrorBodies = false;
        for (Map.Entry<String, ApiResponse> entry : operation.getResponses().entrySet()) {
            String status = entry.getKey();
            ApiResponse response = entry.getValue();
            if (!status.startsWith("4") && !status.startsWith("5")) {
                continue;
            }
            @Nullable Content content = response.getContent();
            boolean declaredAsProblem = content != null && content.containsKey(PROBLEM_JSON);
            boolean inherited = content == null
                    || content.isEmpty()
                    || content.equals(success)
                    || onlyBytes(content)
                    || onlyBareObject(content);
            if (declaredAsProblem || inherited) {
                response.setContent(problem());
            } else {
                ownErrorBodies = true;
            }
        }
        // Every operation reads PostgreSQL or Redis, if only to check the token, and answers 503 when either is down
        // (ServiceUnavailable): one answer for all, so it is added here rather than declared on each operation. An
        // operation that answers its errors in a shape of its own is left to say so itself.
        if (!ownErrorBodies && !operation.getResponses().containsKey("503")) {
            operation
                    .getResponses()
                    .addApiResponse("503", new ApiResponse().description(OUTAGE).content(problem()));
        }
    }

    private static Content problem() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
    }

    /** A binary body on an error answer can only have come from the operation's return type. */
    private static boolean onlyBytes(Content content) {
        return content.values().stream().allMatch(media -> {
            Schema<?> schema = media.getSchema();
            return schema != null
                    && ("string".equals(schema.getType())
                            || (schema.getTypes() != null && schema.getTypes().contains("string")))
                    && ("byte".equals(schema.getFormat()) || "binary".equals(schema.getFormat()));
        });
    }

    /** An operation returning {@code Object} gives its error answers a schema-less object, which no answer means. */
    private static boolean onlyBareObject(Content content) {
        return content.values().stream().allMatch(media -> {
            Schema<?> schema = media.getSchema();
            return schema != null
                    && schema.get$ref() == null
                    && schema.getProperties() == null
                    && ("object".equals(schema.getType())
                            || (schema.getTypes() != null && schema.getTypes().equals(Set.of("object"))));
        });
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem detail, as every error answer of the API")
                .addProperty(
                        "type", new StringSchema().format("uri").example("https://atrium.dev/problems/invalid-request"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("page: must be greater than or equal to 1"))
                .addProperty("instance", new StringSchema().example("/api/products"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("For invalid requests: what is wrong, field by field")
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema().example("page"))
                                        .addProperty(
                                                "message",
                                                new StringSchema().example("must be greater than or equal to 1"))))
                .addProperty(
                        "request_id",
                        new StringSchema().description("The X-Request-Id of the request, to find it in the logs"))
                .addRequiredItem("type")
                .addRequiredItem("title")
                .addRequiredItem("status");
    }
}
