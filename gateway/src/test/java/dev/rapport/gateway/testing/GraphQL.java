package dev.rapport.gateway.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Posts a GraphQL document to the gateway under test. */
public final class GraphQL {
    private GraphQL() {
    }

    public static JsonPath query(String token, String document) {
        return query(token, document, Map.of());
    }

    public static JsonPath query(String token, String document, Map<String, Object> variables) {
        var request = given().contentType("application/json")
                .body(Map.of("query", document, "variables", variables));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql").then().statusCode(200).extract().jsonPath();
    }
}
