package dev.rapport.gateway.limits;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.rapport.security.BenchIdentity;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.InvalidSyntaxException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a GraphQL-over-HTTP POST before SmallRye reads it, so that every refusal is a GraphQL error with a
 * {@code code} (SmallRye fails with a 500 on a {@code variables} that is not an object, and answers a document it
 * cannot parse without a code):
 * <ul>
 * <li>a JSON body that is not one object (a batched array, a string), or whose {@code query} is missing or not a
 * string, {@code variables} or {@code extensions} not an object, {@code operationName} not a string: 400, code
 * {@code invalid-request}, the member named in {@code extensions.problem.errors[].field};</li>
 * <li>a document that does not parse: 200 (as for any other request error), code {@code invalid-query}, or
 * {@code limit-exceeded} past {@code quarkus.smallrye-graphql.parser-max-tokens}.</li>
 * </ul>
 * A document that parsed once is remembered (at most {@link #KNOWN_DOCUMENTS}), so a client repeating its queries pays
 * for the extra parse once. Runs after authentication: an invalid token was answered 401 already. A request without a
 * token gets here only to open a link session: anything but a document whose every operation is a mutation selecting
 * {@code openLinkSession} (and {@code __typename}) alone is answered 401, as every request without a token used to be.
 */
@ApplicationScoped
public class RequestEnvelope {
    static final int KNOWN_DOCUMENTS = 1000;
    static final int KNOWN_DOCUMENT_MAX_LENGTH = 20_000;
    /** What a caller without a token may select at the root of a mutation. */
    static final Set<String> ANONYMOUS_FIELDS = Set.of("openLinkSession", "__typename");

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "/graphql")
    String path;
    @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens", defaultValue = "15000")
    int maxTokens;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBody;

    @ConfigProperty(name = BenchIdentity.ENABLED, defaultValue = "false")
    boolean benchIdentity;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    void install(@Observes Router router) {
        router.post(path).order(-1)
                .handler(BodyHandler.create(false).setBodyLimit(maxBody.asLongValue()))
                .handler(this::check);
    }

    void check(RoutingContext ctx) {
        if (!benchIdentity && isAnonymous(ctx)) {
            checkAnonymous(ctx);
            return;
        }
        String type = String.valueOf(ctx.request().getHeader("Content-Type")).toLowerCase(Locale.ROOT);
        String query;
        if (type.startsWith("application/graphql")) {
            query = ctx.body().asString();
        } else if (type.startsWith("application/json")) {
            Object body;
            try {
                body = Json.decodeValue(ctx.body().buffer());
            } catch (DecodeException | NullPointerException e) {
                refuse(ctx, "body", "is not JSON");
                return;
            }
            if (!(body instanceof JsonObject request)) {
                refuse(ctx, "body", body instanceof JsonArray ? "must be one request object; batched arrays are not accepted"
                        : "must be a JSON object with a query");
                return;
            }
            Object q = request.getValue("query");
            if (!(q instanceof String)) {
                refuse(ctx, "query", q == null ? "is required" : "must be a string");
                return;
            }
            if (!isObjectOrNull(request.getValue("variables"))) {
                refuse(ctx, "variables", "must be a JSON object");
                return;
            }
            if (!isObjectOrNull(request.getValue("extensions"))) {
                refuse(ctx, "extensions", "must be a JSON object");
                return;
            }
            Object operation = request.getValue("operationName");
            if (operation != null && !(operation instanceof String)) {
                refuse(ctx, "operationName", "must be a string");
                return;
            }
            query = (String) q;
        } else {
            ctx.next(); // SmallRye answers other media types itself
            return;
        }
        String syntaxError = syntaxError(query);
        if (syntaxError != null) {
            String code = syntaxError.toLowerCase(Locale.ROOT).contains("more than") ? "limit-exceeded" : "invalid-query";
            answer(ctx, 200, code, "InvalidSyntax", syntaxError, null);
            return;
        }
        ctx.next();
    }

    private static boolean isAnonymous(RoutingContext ctx) {
        return !(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous();
    }

    /** Without a token: only a link session may be opened; everything else is 401, whatever its shape. */
    private void checkAnonymous(RoutingContext ctx) {
        String type = String.valueOf(ctx.request().getHeader("Content-Type")).toLowerCase(Locale.ROOT);
        try {
            if (type.startsWith("application/json") && Json.decodeValue(ctx.body().buffer()) instanceof JsonObject request
                    && request.getValue("query") instanceof String query && isObjectOrNull(request.getValue("variables"))
                    && isObjectOrNull(request.getValue("extensions"))
                    && (request.getValue("operationName") == null || request.getValue("operationName") instanceof String)
                    && syntaxError(query) == null && opensLinkSessionOnly(query)) {
                ctx.next();
                return;
            }
        } catch (DecodeException | NullPointerException e) {
            // not JSON: refused below like any other request without a token
        }
        ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
    }

    static boolean opensLinkSessionOnly(String query) {
        Document document = Parser.parse(query);
        boolean any = false;
        for (Definition<?> definition : document.getDefinitions()) {
            if (!(definition instanceof OperationDefinition operation)
                    || operation.getOperation() != OperationDefinition.Operation.MUTATION) {
                return false;
            }
            for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
                if (!(selection instanceof Field field) || !ANONYMOUS_FIELDS.contains(field.getName())) {
                    return false;
                }
                any |= field.getName().equals("openLinkSession");
            }
        }
        return any;
    }

    /** Null when the document parses (with SmallRye's token limit); else graphql-java's message. */
    String syntaxError(String query) {
        if (known.contains(query)) {
            return null;
        }
        try {
            new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.getDefaultParserOptions().transform(o -> o.maxTokens(maxTokens))).build());
        } catch (InvalidSyntaxException e) {
            return e.getMessage();
        }
        if (query.length() <= KNOWN_DOCUMENT_MAX_LENGTH) {
            if (known.size() >= KNOWN_DOCUMENTS) {
                known.clear();
            }
            known.add(query);
        }
        return null;
    }

    private static boolean isObjectOrNull(Object value) {
        return value == null || value instanceof JsonObject;
    }

    private static void refuse(RoutingContext ctx, String field, String message) {
        answer(ctx, 400, "invalid-request", "ValidationError", "Not a GraphQL request: " + field + " " + message,
                new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("field", field).put("message", message))));
    }

    private static void answer(RoutingContext ctx, int status, String code, String classification, String message,
            JsonObject problem) {
        JsonObject extensions = new JsonObject().put("code", code).put("classification", classification);
        if (problem != null) {
            extensions.put("problem", problem);
        }
        JsonObject error = new JsonObject().put("message", message).put("extensions", extensions);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
