package dev.rapport.feedback.web;

import dev.rapport.platform.problem.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bean Validation failures as problem+json, naming fields inside lists the way a client wrote them:
 * {@code rows[1].score}. (platform's generic renderer puts the element index after the property, giving
 * {@code rows.score[1]}; this module's bulk inputs need the index on the list. Same problem type and shape.)
 */
public class ViolationMapper {

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = errors.stream().map(x -> x.field() + ": " + x.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid");
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem(Problem.TYPE_PREFIX + "invalid-request",
                "Invalid request", 400, detail, uri == null ? null : uri.getPath(), errors)).build();
    }

    static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node n = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            if (n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.CROSS_PARAMETER
                    || (n.getKind() == ElementKind.PARAMETER && !last)) {
                continue;
            }
            // an index or key on a node addresses the element of the container it sits in
            if (n.isInIterable()) {
                out.append('[').append(n.getIndex() != null ? n.getIndex() : n.getKey()).append(']');
            }
            if (n.getKind() != ElementKind.CONTAINER_ELEMENT && n.getName() != null && !n.getName().isEmpty()) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(n.getName());
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }
}
