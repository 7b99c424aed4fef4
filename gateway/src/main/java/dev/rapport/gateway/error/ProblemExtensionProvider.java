package dev.rapport.gateway.error;

import io.smallrye.graphql.api.ErrorExtensionProvider;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** {@code extensions.problem}: which service refused, its problem type, and the fields it named. */
public class ProblemExtensionProvider implements ErrorExtensionProvider {
    @Override
    public String getKey() {
        return "problem";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        if (!(exception instanceof GatewayError e) || (e.service() == null && e.fieldErrors().isEmpty())) {
            return null;
        }
        JsonObjectBuilder problem = Json.createObjectBuilder();
        if (e.service() != null) {
            problem.add("service", e.service());
        }
        if (e.problemType() != null) {
            problem.add("type", e.problemType());
        }
        JsonArrayBuilder fields = Json.createArrayBuilder();
        for (GatewayError.FieldError f : e.fieldErrors()) {
            JsonObjectBuilder field = Json.createObjectBuilder();
            field.add("field", f.field() == null ? "" : f.field());
            field.add("message", f.message() == null ? "" : f.message());
            fields.add(field);
        }
        problem.add("errors", fields);
        return problem.build();
    }
}
