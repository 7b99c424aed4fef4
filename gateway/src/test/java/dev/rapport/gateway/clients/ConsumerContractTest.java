package dev.rapport.gateway.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;

/**
 * The consumer side of the services' contracts: every call the gateway's REST clients make — method, path, query
 * parameters and the fields of its JSON body (a record) — exists in the OpenAPI document the called service stores at build
 * ({@code quarkus.smallrye-openapi.store-schema-directory=target/openapi}), so a renamed path or parameter fails the
 * gateway's build instead of the end-to-end suite. Skipped when a service has not been built (no document yet).
 */
class ConsumerContractTest {
    static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class);

    @ParameterizedTest(name = "{0} calls only what {1} documents")
    @CsvSource({
            "dev.rapport.gateway.clients.contacts.ContactsRestClient, contacts-service",
            "dev.rapport.gateway.clients.contacts.ImportProgressRestClient, contacts-service",
            "dev.rapport.gateway.clients.consent.LinkOpensRestClient, consent-service",
            "dev.rapport.gateway.clients.webhooks.WebhooksRestClient, contacts-service",
            "dev.rapport.gateway.clients.webhooks.WebhooksRestClient, consent-service",
            "dev.rapport.gateway.clients.webhooks.WebhooksRestClient, feedback-service",
            "dev.rapport.gateway.clients.consent.ConsentRestClient, consent-service",
            "dev.rapport.gateway.clients.feedback.FeedbackRestClient, feedback-service",
    })
    void everyCallExistsInTheServicesDocument(String client, String service) throws Exception {
        Path document = Path.of("..", service, "target", "openapi", "openapi.json");
        assumeTrue(Files.exists(document), () -> service + " is not built: no " + document);
        List<String> calls = new ArrayList<>();
        List<String> missing = violations(Class.forName(client), read(document), calls);
        assertTrue(!calls.isEmpty(), "found no call in " + client);
        assertEquals(List.of(), missing, "calls the gateway makes that " + service + "'s OpenAPI document does not have");
    }

    interface Drifted {
        @GET
        @jakarta.ws.rs.Path("contacts/{id}")
        Object renamedParameter(@jakarta.ws.rs.PathParam("id") String id, @QueryParam("include") String include);

        @POST
        @jakarta.ws.rs.Path("contacts/{id}/archive")
        Object gonePath(@jakarta.ws.rs.PathParam("id") String id);

        @POST
        @jakarta.ws.rs.Path("contacts")
        Object renamedField(NewContact body);

        @POST
        @jakarta.ws.rs.Path("contacts/batch")
        Object noBodyThere(List<NewContact> body);
    }

    record NewContact(String givenName, String nickname) {
    }

    @org.junit.jupiter.api.Test
    void aCallTheDocumentDoesNotHaveIsNamed() throws Exception {
        JsonNode document = new ObjectMapper().readTree("""
                {"paths": {"/contacts/{contactId}": {"get": {"parameters": [{"name": "expand", "in": "query"}]}},
                  "/contacts": {"post": {"requestBody": {"content": {"application/json":
                      {"schema": {"$ref": "#/components/schemas/NewContact"}}}}}},
                  "/contacts/batch": {"post": {}}},
                 "components": {"schemas": {"NewContact": {"properties": {"givenName": {"type": "string"}}}}}}""");
        assertEquals(List.of("GET /contacts/{}?include", "POST /contacts body.nickname", "POST /contacts/batch body.givenName",
                "POST /contacts/batch body.nickname", "POST /contacts/{}/archive"),
                violations(Drifted.class, document, new ArrayList<>()).stream().sorted().toList());
    }

    static JsonNode read(Path document) throws IOException {
        return new ObjectMapper().readTree(Files.readString(document));
    }

    /** Each call the client makes that the document lacks, as "METHOD /path?param". */
    static List<String> violations(Class<?> client, JsonNode openApi, List<String> calls) {
        List<String> out = new ArrayList<>();
        String base = pathOf(client);
        for (Method m : client.getDeclaredMethods()) {
            String verb = VERBS.stream().filter(m::isAnnotationPresent).map(v -> v.getSimpleName().toLowerCase(Locale.ROOT))
                    .findFirst().orElse(null);
            if (verb == null) {
                continue;
            }
            String path = template(join(base, pathOf(m)));
            calls.add(verb.toUpperCase(Locale.ROOT) + " " + path);
            Set<String> documented = new HashSet<>();
            boolean found = false;
            for (JsonNode pathItem : matching(openApi.path("paths"), path)) {
                JsonNode operation = pathItem.get(verb);
                if (operation != null) {
                    found = true;
                    for (JsonNode p : iterable(pathItem.path("parameters"), operation.path("parameters"))) {
                        if ("query".equals(p.path("in").asText())) {
                            documented.add(p.path("name").asText());
                        }
                    }
                }
            }
            if (!found) {
                out.add(verb.toUpperCase(Locale.ROOT) + " " + path);
                continue;
            }
            Set<String> bodyFields = new HashSet<>();
            for (JsonNode pathItem : matching(openApi.path("paths"), path)) {
                pathItem.path(verb).path("requestBody").path("content")
                        .forEach(media -> bodyFields.addAll(properties(openApi, media.path("schema"))));
            }
            for (Parameter p : m.getParameters()) {
                QueryParam q = p.getAnnotation(QueryParam.class);
                if (q != null && !documented.contains(q.value())) {
                    out.add(verb.toUpperCase(Locale.ROOT) + " " + path + "?" + q.value());
                }
                Class<?> body = p.getAnnotations().length == 0 ? recordOf(p) : null;
                if (body != null) {
                    for (RecordComponent field : body.getRecordComponents()) {
                        if (!bodyFields.contains(field.getName())) {
                            out.add(verb.toUpperCase(Locale.ROOT) + " " + path + " body." + field.getName());
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The record a body parameter sends, alone or as a list; null for text bodies. */
    private static Class<?> recordOf(Parameter p) {
        Type type = p.getParameterizedType();
        if (type instanceof ParameterizedType list && List.class.equals(list.getRawType())) {
            type = list.getActualTypeArguments()[0];
        }
        return type instanceof Class<?> c && c.isRecord() ? c : null;
    }

    /** The property names of a schema, following $ref, array items and allOf. */
    private static Set<String> properties(JsonNode document, JsonNode schema) {
        Set<String> out = new HashSet<>();
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return properties(document, document.path("components").path("schemas").path(name));
        }
        if (schema.has("items")) {
            out.addAll(properties(document, schema.get("items")));
        }
        schema.path("allOf").forEach(part -> out.addAll(properties(document, part)));
        schema.path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<JsonNode> iterable(JsonNode... arrays) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode a : arrays) {
            a.forEach(out::add);
        }
        return out;
    }

    private static String pathOf(java.lang.reflect.AnnotatedElement e) {
        jakarta.ws.rs.Path p = e.getAnnotation(jakarta.ws.rs.Path.class);
        return p == null ? "" : p.value();
    }

    private static String join(String a, String b) {
        String joined = ("/" + a + "/" + b).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** Path parameters compare by position, not name: {id} on one side may be {contactId} on the other. */
    static String template(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    /**
     * The document's paths a call can reach: the same segments, where a path parameter of the client may stand for a
     * fixed segment of the document ({@code POST /cases/{id}/{step}} reaches {@code /cases/{id}/resolve}).
     */
    private static List<JsonNode> matching(JsonNode paths, String template) {
        String[] call = template.split("/");
        List<JsonNode> out = new ArrayList<>();
        for (var it = paths.fields(); it.hasNext();) {
            var entry = it.next();
            String[] documented = template(entry.getKey()).split("/");
            boolean same = documented.length == call.length;
            for (int i = 0; same && i < call.length; i++) {
                same = call[i].equals(documented[i]) || call[i].equals("{}");
            }
            if (same) {
                out.add(entry.getValue());
            }
        }
        return out;
    }
}
