package dev.rapport.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import dev.rapport.gateway.security.GraphQLOperations;
import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.devstack.testing.RoleMatrix;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * docs/roles.md against the running suite: every GraphQL query and mutation, called once per role with real Keycloak
 * tokens (the demo users; the partner client for integration). A role the table refuses must get `forbidden`; a role it
 * allows must get no authorisation error from the gateway or the service behind it (ids are made up, so the call may
 * still fail validation or find nothing). A contact calls with its own contact id wherever an argument names one.
 */
@QuarkusTest
@TestProfile(EndToEndTest.RealSuiteProfile.class)
@EnabledIf("dev.rapport.gateway.e2e.RealSuite#available")
class RoleMatrixEndToEndTest {
    static final String BOGUS = "00000000-0000-7000-8000-00000000abcd";
    static final Set<Class<?>> SCALARS = Set.of(String.class, Boolean.class, boolean.class, Integer.class, int.class,
            Long.class, long.class, BigDecimal.class, Instant.class, LocalDate.class, Void.class);

    @Test
    void everyRoleAgainstEveryOperation() throws InterruptedException {
        String own = Suite.createContact("Matrix");
        Suite.linkContactUser(own);
        Map<String, RoleMatrix.Row> table = RoleMatrix.rows("gateway");

        List<String> wrong = new ArrayList<>();
        int calls = 0;
        // erasure last: it removes the contact the other calls act for
        List<GraphQLOperations.Operation> operations = new ArrayList<>(GraphQLOperations.all().stream()
                // subscriptions run over a WebSocket: ImportProgressSubscriptionTest checks their roles
                .filter(op -> !op.kind().equals("field") && !op.kind().equals("subscription")).toList());
        operations.sort((a, b) -> Boolean.compare(a.name().equals("erasePerson"), b.name().equals("erasePerson")));
        for (GraphQLOperations.Operation op : operations) {
            RoleMatrix.Row row = table.get(op.key());
            assertTrue(row != null, "docs/roles.md has no row for gateway: " + op.key() + " (RoleMatrixTest says which)");
            String document = document(op, own);
            for (String role : RoleMatrix.ROLES) {
                JsonPath answer = GraphQL.query(Suite.tokenFor(role), document);
                calls++;
                List<String> codes = answer.get("errors") == null ? List.of() : answer.getList("errors.extensions.code");
                boolean refused = codes.contains("forbidden");
                if (row.allowed().contains(role) == refused) {
                    wrong.add(op.key() + " as " + role + ": docs/roles.md says " + (refused ? "allowed" : "forbidden")
                            + ", got " + (answer.get("errors") == null ? "data" : answer.getList("errors").toString())
                            + "\n    " + document);
                }
            }
        }
        assertTrue(wrong.isEmpty(), calls + " calls, " + wrong.size() + " disagree with docs/roles.md:\n" + String.join("\n", wrong));
    }

    /** A syntactically valid document for the operation: every argument given, only __typename selected. */
    static String document(GraphQLOperations.Operation op, String own) {
        Method m = op.method();
        StringJoiner args = new StringJoiner(", ", "(", ")").setEmptyValue("");
        for (Parameter p : m.getParameters()) {
            if (p.isAnnotationPresent(Source.class)) {
                continue;
            }
            String name = p.isAnnotationPresent(Name.class) ? p.getAnnotation(Name.class).value() : p.getName();
            // contact(id) is the one operation whose `id` names a contact
            String argument = op.name().equals("contact") && name.equals("id") ? "contactId" : name;
            args.add(name + ": " + literal(argument, p.getParameterizedType(), own));
        }
        return op.kind() + " { " + op.name() + args + selection(m.getGenericReturnType()) + " }";
    }

    static String literal(String name, Type type, String own) {
        if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            return "[" + literal(name, pt.getActualTypeArguments()[0], own) + "]";
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return "\"" + (name.equals("contactId") ? own : name.toLowerCase().endsWith("id") ? BOGUS : "x") + "\"";
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return "1";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "false";
        }
        if (c == Instant.class) {
            return "\"2026-01-01T00:00:00Z\"";
        }
        if (c.isEnum()) {
            return ((Enum<?>) c.getEnumConstants()[0]).name();
        }
        if (c.isRecord()) {
            StringJoiner fields = new StringJoiner(", ", "{", "}");
            for (RecordComponent rc : c.getRecordComponents()) {
                if (rc.getName().equals("contactId")) {
                    fields.add("contactId: \"" + own + "\"");
                }
            }
            return fields.toString();
        }
        throw new IllegalStateException("no literal for " + type + " (" + name + ")");
    }

    static String selection(Type type) {
        while (type instanceof ParameterizedType pt) {
            type = pt.getActualTypeArguments()[0];
        }
        return SCALARS.contains((Class<?>) type) ? "" : " { __typename }";
    }
}
