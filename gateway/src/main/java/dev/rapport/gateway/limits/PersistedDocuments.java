package dev.rapport.gateway.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Documents by SHA-256: the ones a client registered (Apollo's automatic persisted queries), the trusted ones of the
 * manifest, and, for every document that ran, graphql-java's parsed and validated form. It is the
 * {@link PreparsedDocumentProvider} of the gateway's {@link GraphQL} (installed on SmallRye's builder in place of its
 * own query cache), so a document is parsed and validated once however often it runs, whether it came as text or as a
 * hash; {@link RequestEnvelope} reads the same entries to check syntax and cost without parsing again.
 */
@ApplicationScoped
public class PersistedDocuments implements PreparsedDocumentProvider {
    @Inject
    LimitsConfig config;
    @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens", defaultValue = "15000")
    int maxTokens;

    private volatile Map<String, String> trusted = Map.of();
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** One document: its text, its syntax tree (or why it does not parse), and graphql-java's validated entry. */
    static final class Known {
        final String text;
        final Document document;
        final String syntaxError;
        volatile PreparsedDocumentEntry executable;

        Known(String text, Document document, String syntaxError) {
            this.text = text;
            this.document = document;
            this.syntaxError = syntaxError;
        }
    }

    void load(@Observes StartupEvent started) throws IOException {
        if (config.persistedQueries().manifest().isPresent()) {
            trusted = readManifest(Files.readString(Path.of(config.persistedQueries().manifest().get())));
        } else if (config.persistedQueries().trustedOnly()) {
            throw new IllegalStateException("rapport.graphql.persisted-queries.trusted-only needs "
                    + "rapport.graphql.persisted-queries.manifest (an Apollo persisted-query manifest)");
        }
    }

    void install(@Observes GraphQL.Builder builder) {
        builder.preparsedDocumentProvider(this);
    }

    /** An Apollo persisted-query manifest: {@code {"operations": [{"id": sha256(body), "body": "…"}, …]}}. */
    static Map<String, String> readManifest(String json) {
        JsonArray operations = new JsonObject(json).getJsonArray("operations", new JsonArray());
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            JsonObject op = operations.getJsonObject(i);
            String body = op.getString("body");
            String id = op.getString("id");
            if (body == null || !sha256(body).equals(id)) {
                throw new IllegalStateException("Persisted-query manifest: operation " + i + " (" + op.getString("name")
                        + ") has an id that is not the SHA-256 of its body");
            }
            out.put(id, body);
        }
        return Map.copyOf(out);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean trustedOnly() {
        return config.persistedQueries().trustedOnly();
    }

    public boolean isTrusted(String hash) {
        return trusted.containsKey(hash);
    }

    /** The text registered or trusted under a hash; null when this gateway does not know it. */
    public String text(String hash) {
        String text = trusted.get(hash);
        if (text != null) {
            return text;
        }
        Known k = known.get(hash);
        return k == null ? null : k.text;
    }

    /** The document's syntax tree, parsed once per distinct text (SmallRye's token limit applies). */
    Known parse(String hash, String query) {
        Known k = known.get(hash);
        if (k != null) {
            return k;
        }
        Document document = null;
        String error = null;
        try {
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.getDefaultParserOptions().transform(o -> o.maxTokens(maxTokens))).build());
        } catch (InvalidSyntaxException e) {
            error = e.getMessage();
        }
        k = new Known(query, document, error);
        if (error == null) {
            remember(hash, k);
        }
        return k;
    }

    private void remember(String hash, Known k) {
        if (k.text.length() > config.persistedQueries().maxDocumentLength()) {
            return;
        }
        if (known.size() >= config.persistedQueries().maxDocuments()) {
            known.clear(); // rare: more distinct documents than any front-end sends; they register again on demand
        }
        known.put(hash, k);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String hash = sha256(input.getQuery());
        Known k = known.get(hash);
        if (k != null && k.executable != null) {
            return CompletableFuture.completedFuture(k.executable);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            if (k == null) {
                k = new Known(input.getQuery(), entry.getDocument(), null);
                remember(hash, k);
            }
            k.executable = entry;
        }
        return CompletableFuture.completedFuture(entry);
    }
}
