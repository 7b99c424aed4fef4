package dev.rapport.web.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

/**
 * Every GraphQL document the pages send is valid against the gateway's committed schema (gateway/schema.graphql,
 * which the gateway's SchemaContractTest keeps equal to the served one): a renamed field, an enum variable declared as
 * String, a missing argument fails here, in seconds, instead of as "Something went wrong" in a browser.
 */
class DocumentsMatchSchemaTest {
    private static final Path APP = Path.of("src/main/resources/web/app");
    private static final Path SCHEMA = Path.of("../gateway/schema.graphql");
    /** A template literal or single-quoted string that opens a GraphQL operation. */
    private static final Pattern LITERAL = Pattern.compile("`((?:query|mutation|subscription|\\{)[^`]*)`|'(\\{ [a-z][^'\\n]*)'");
    private static final Pattern CONSTANT = Pattern.compile("const (\\w+) = (?:`([^`]*)`|'([^'\\n]*)')");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{(\\w+)}");

    record Found(Path file, String text) {}

    @Test
    void everyDocumentThePagesSendIsValid() throws IOException {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(schemaText()));
        List<Found> documents = documents();
        assertTrue(documents.size() > 60, "documents found: " + documents.size());
        List<String> failures = new ArrayList<>();
        for (Found found : documents) {
            try {
                Document document = Parser.parse(found.text());
                List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
                errors.forEach(e -> failures.add(found.file() + ": " + e.getMessage() + "\n    " + found.text()));
            } catch (RuntimeException e) {
                failures.add(found.file() + ": does not parse: " + e.getMessage() + "\n    " + found.text());
            }
        }
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    /**
     * The webhooks page offers every event type the schema has, and no other: its checkboxes are a list in the page
     * (the production gateway answers no introspection), so an event type added to the API must be added there too.
     */
    @Test
    void theWebhooksPageOffersEveryEventTypeOfTheSchema() throws IOException {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(schemaText()));
        List<String> inSchema = ((graphql.schema.GraphQLEnumType) schema.getType("WebhookEventType")).getValues().stream()
                .map(graphql.schema.GraphQLEnumValueDefinition::getName).sorted().toList();
        Matcher list = Pattern.compile("EVENT_TYPES = \\[([^\\]]*)]").matcher(Files.readString(APP.resolve("webhooks/webhooks-page.js")));
        assertTrue(list.find(), "EVENT_TYPES in webhooks-page.js");
        List<String> inPage = Pattern.compile("'(\\w+)'").matcher(list.group(1)).results().map(r -> r.group(1)).sorted().toList();
        assertEquals(inSchema, inPage, "WebhookEventType in gateway/schema.graphql and EVENT_TYPES in webhooks/webhooks-page.js");
    }

    /** The committed schema, with the custom scalars the gateway serves (the SDL document leaves them undeclared). */
    private static String schemaText() throws IOException {
        StringBuilder sdl = new StringBuilder(Files.readString(SCHEMA));
        for (String scalar : List.of("DateTime", "Date", "Time", "BigInteger", "BigDecimal", "Long", "Void", "Object", "JSON")) {
            if (!Pattern.compile("(?m)^scalar " + scalar + "\\b").matcher(sdl).find()) {
                sdl.append("\nscalar ").append(scalar).append('\n');
            }
        }
        return sdl.toString();
    }

    /** The documents in every page, with ${NAME} replaced by the file's constant NAME; a document built at run time is left out. */
    private static List<Found> documents() throws IOException {
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") && !f.toString().contains("/i18n/")).toList()) {
                String source = Files.readString(file);
                Map<String, String> constants = new HashMap<>();
                Matcher c = CONSTANT.matcher(source);
                while (c.find()) {
                    constants.put(c.group(1), c.group(2) != null ? c.group(2) : c.group(3));
                }
                Matcher m = LITERAL.matcher(source);
                while (m.find()) {
                    String text = resolve(m.group(1) != null ? m.group(1) : m.group(2), constants);
                    if (text != null && text.matches("(?s)\\s*(query|mutation|subscription|\\{\\s*[a-z]).*")) {
                        found.add(new Found(APP.relativize(file), text));
                    }
                }
            }
        }
        return found;
    }

    private static String resolve(String text, Map<String, String> constants) {
        for (int depth = 0; depth < 4 && text.contains("${"); depth++) {
            Matcher m = INTERPOLATION.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = constants.get(m.group(1));
                if (value == null) {
                    return null;
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            text = out.toString();
        }
        return text.contains("${") ? null : text;
    }
}
