package dev.rapport.web.testing;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** GraphQL calls to the suite's gateway for a test's set-up and checks, as a realm user; any error fails the test. */
public final class Gql {
    private Gql() {
    }

    /** The data of a document run as this realm user (password = user name). */
    public static JsonNode as(String user, String document, Map<String, ?> variables) {
        return call(token(user), document, variables);
    }

    public static String token(String user) {
        try {
            return RealSuite.suite().keycloakToken(user);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No token for " + user, e);
        }
    }

    public static JsonNode call(String token, String document, Map<String, ?> variables) {
        JsonNode answer = answer(token, document, variables);
        if (answer.has("errors") && !answer.get("errors").isEmpty()) {
            throw new IllegalStateException("GraphQL errors: " + answer.get("errors") + "\nfor " + document);
        }
        return answer.get("data");
    }

    /** The whole answer, errors and all (for a test that expects a refusal). */
    public static JsonNode answer(String token, String document, Map<String, ?> variables) {
        ObjectNode body = RealSuite.json().createObjectNode().put("query", document);
        body.set("variables", RealSuite.json().valueToTree(variables));
        return Http.json("POST", RealSuite.graphqlUrl(), token, body);
    }
}
