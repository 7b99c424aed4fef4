package dev.rapport.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    record Row(@Max(5) int score) {
    }

    record Body(@NotBlank String name, List<@Valid Row> rows, List<@NotNull String> tags) {
    }

    @Test
    void fieldNamesFollowTheJsonShapeOfTheBody() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Body body = new Body("", List.of(new Row(1), new Row(9)), java.util.Arrays.asList("a", null));
        Problem p = Problems.from(new ConstraintViolationException(validator.validate(body)), "/x");
        assertEquals(400, p.status());
        assertEquals(List.of("name", "rows[1].score", "tags[1]"), p.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void aDatabaseThatCannotBeReachedIsA503NotAnInternalError() {
        Problem refused = Problems.from(new java.util.concurrent.CompletionException(
                new java.net.ConnectException("Connection refused: localhost/127.0.0.1:5432")), "/x");
        assertEquals(503, refused.status());
        assertEquals(Problem.TYPE_PREFIX + "database-unavailable", refused.type());
        assertEquals(false, refused.detail().contains("5432"));
        assertEquals(503, Problems.from(io.vertx.sqlclient.ClosedConnectionException.INSTANCE, "/x").status());
        assertEquals(503, Problems.from(new io.vertx.pgclient.PgException("the database system is shutting down", "FATAL",
                "57P03", null), "/x").status());
        assertEquals(409, Problems.from(new io.vertx.pgclient.PgException("duplicate key", "ERROR", "23505", null), "/x").status(),
                "an ordinary SQL error keeps its own mapping");
    }

    @Test
    void unexpectedFailuresLeakNothing() {
        Problem p = Problems.from(new IllegalStateException("secret table xyz"), "/x");
        assertEquals(500, p.status());
        assertEquals(false, p.detail().contains("xyz"));
        assertEquals(false, p.detail().contains("IllegalStateException"));
    }
}
