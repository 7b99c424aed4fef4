package dev.rapport.gateway.limits;

import java.util.Locale;
import java.util.Set;
import java.util.Map;

import dev.rapport.security.BenchIdentity;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
 * Then, in this order and each before any later work: a caller whose cost budget is spent is answered
 * {@code rate-limited} before its body is even decoded; a hash alone ({@code extensions.persistedQuery.sha256Hash},
 * Apollo's automatic persisted queries) is replaced by the document registered under it, or answered
 * {@code PersistedQueryNotFound}; with trusted documents only, anything not in the manifest is refused
 * ({@code untrusted-document}) before it is parsed; the document is parsed once per distinct text
 * ({@link PersistedDocuments}) and its cost ({@link QueryCost}) taken from the caller's budget ({@link CostBudgets}),
 * or refused {@code rate-limited} with {@code retryAfter}. Runs after authentication: an invalid token was answered 401 already. A request without a
 * token gets here only to open a link session: anything but a document whose every operation is a mutation selecting
 * {@code openLinkSession} (and {@code __typename}) alone is answered 401, as every request without a token used to be.
 */
@ApplicationScoped
public class RequestEnvelope {
    /** The budget charge of this request, for {@code extensions.cost} on the answer. */
    static final String CHARGE = "rapport.cost";
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

    @Inject
    PersistedDocuments documents;
    @Inject
    CostBudgets budgets;
    @Inject
    LimitsConfig limits;

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
        String caller = callerOf(ctx);
        CostBudgets.Charge left = budgets.peek(caller);
        if (!left.allowed()) {
            rateLimited(ctx, left);
            return;
        }
        String type = String.valueOf(ctx.request().getHeader("Content-Type")).toLowerCase(Locale.ROOT);
        String query;
        String operationName = null;
        Map<String, Object> variables = Map.of();
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
            if (q != null && !(q instanceof String)) {
                refuse(ctx, "query", "must be a string");
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
            String hash = persistedHash(request);
            if (hash != null && !hash.matches("[0-9a-f]{64}")) {
                refuse(ctx, "extensions.persistedQuery.sha256Hash", "must be the lower-case hex SHA-256 of the query");
                return;
            }
            if (query == null || query.isEmpty()) {
                if (hash == null) {
                    refuse(ctx, "query", "is required (or extensions.persistedQuery.sha256Hash of a registered document)");
                    return;
                }
                query = documents.text(hash);
                if (query == null && documents.trustedOnly()) {
                    untrusted(ctx, hash);
                    return;
                }
                if (query == null) {
                    persistedQueryNotFound(ctx);
                    return;
                }
                request.put("query", query);
                ((RoutingContextInternal) ctx).setBody(request.toBuffer()); // SmallRye reads the query from the body
            } else if (hash != null && !hash.equals(PersistedDocuments.sha256(query))) {
                refuse(ctx, "extensions.persistedQuery.sha256Hash", "is not the SHA-256 of the query");
                return;
            }
            operationName = request.getString("operationName");
            JsonObject vars = request.getJsonObject("variables");
            variables = vars == null ? Map.of() : vars.getMap();
        } else {
            ctx.next(); // SmallRye answers other media types itself
            return;
        }
        String hash = PersistedDocuments.sha256(query);
        if (documents.trustedOnly() && !documents.isTrusted(hash)) {
            untrusted(ctx, hash);
            return;
        }
        PersistedDocuments.Known document = documents.parse(hash, query);
        if (document.syntaxError != null) {
            // reading it cost the gateway work in proportion to its length: the caller pays for that, so a flood of
            // documents that never parse spends the budget like any other
            budgets.spend(caller, QueryCost.unparsed(query));
            String code = document.syntaxError.toLowerCase(Locale.ROOT).contains("more than") ? "limit-exceeded" : "invalid-query";
            answer(ctx, 200, code, "InvalidSyntax", document.syntaxError, null);
            return;
        }
        CostBudgets.Charge charge = budgets.charge(caller, QueryCost.of(document.document, operationName, variables));
        if (!charge.allowed()) {
            budgets.spend(caller, QueryCost.unparsed(query)); // it was read and parsed all the same
            rateLimited(ctx, charge);
            return;
        }
        ctx.put(CHARGE, charge);
        try {
            new QueryLimits.DocumentLimits(limits).check(document.document); // again at validation; here before SmallRye parses it
        } catch (QueryLimits.LimitAbort e) {
            answer(ctx, 200, "limit-exceeded", "ExecutionAborted", e.getMessage(), null);
            return;
        }
        ctx.next();
    }

    /** Who pays for the query: the token's subject (the bench identity is one caller). */
    static String callerOf(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity().getPrincipal().getName() : "";
    }

    private static String persistedHash(JsonObject request) {
        JsonObject extensions = request.getJsonObject("extensions");
        Object pq = extensions == null ? null : extensions.getValue("persistedQuery");
        if (!(pq instanceof JsonObject persisted)) {
            return null;
        }
        Object hash = persisted.getValue("sha256Hash");
        return hash instanceof String h ? h : "";
    }

    /** Apollo clients send the document again when they read this message. */
    private static void persistedQueryNotFound(RoutingContext ctx) {
        answer(ctx, 200, "persisted-query-not-found", "ValidationError", "PersistedQueryNotFound", null);
    }

    private static void untrusted(RoutingContext ctx, String hash) {
        answer(ctx, 200, "untrusted-document", "ValidationError", "This deployment runs registered documents only, and no "
                + "document with SHA-256 " + hash + " is registered: add it to the persisted-query manifest", null);
    }

    static Map<String, Object> costExtension(CostBudgets.Charge charge) {
        return Map.of("requested", charge.requested(), "remaining", charge.remaining(), "limit", charge.limit(),
                "perMinute", charge.limit());
    }

    private static void rateLimited(RoutingContext ctx, CostBudgets.Charge charge) {
        JsonObject cost = new JsonObject(costExtension(charge));
        JsonObject extensions = new JsonObject().put("code", "rate-limited").put("classification", "ExecutionAborted")
                .put("retryAfter", charge.retryAfterSeconds()).put("cost", cost);
        String message = charge.requested() > charge.limit()
                ? "This query costs " + charge.requested() + " points, more than a whole budget of " + charge.limit()
                        + " per minute: ask for fewer fields or smaller pages"
                : "Over your budget of " + charge.limit() + " query-cost points per minute (this query costs "
                        + charge.requested() + ", " + charge.remaining() + " left): retry after " + charge.retryAfterSeconds() + " s";
        JsonObject error = new JsonObject().put("message", message).put("extensions", extensions);
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                .putHeader("Retry-After", String.valueOf(charge.retryAfterSeconds()))
                .end(new JsonObject().put("errors", new JsonArray().add(error)).put("extensions", new JsonObject().put("cost", cost))
                        .encode());
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

    boolean opensLinkSessionOnly(String query) {
        Document document = documents.parse(PersistedDocuments.sha256(query), query).document;
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
        return documents.parse(PersistedDocuments.sha256(query), query).syntaxError;
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
