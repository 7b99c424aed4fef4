package dev.rapport.gateway.security;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.smallrye.graphql.api.Subscription;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.rapport.devstack.testing.RoleMatrix;

/** The gateway's GraphQL operations as docs/roles.md names them, read from the compiled @GraphQLApi classes. */
public final class GraphQLOperations {
    private GraphQLOperations() {
    }

    /** A query, mutation, subscription or field: its table key, its Java method and its GraphQL name. */
    public record Operation(String key, String kind, String name, Method method) {
    }

    public static List<Operation> all() {
        List<Operation> out = new ArrayList<>();
        for (Class<?> type : RoleMatrix.classes(Path.of("target/classes"))) {
            if (!type.isAnnotationPresent(GraphQLApi.class)) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                Query q = m.getAnnotation(Query.class);
                Mutation mu = m.getAnnotation(Mutation.class);
                Subscription su = m.getAnnotation(Subscription.class);
                if (su != null) {
                    String name = name(su.value(), m);
                    out.add(new Operation("subscription " + name, "subscription", name, m));
                } else if (q != null) {
                    String name = name(q.value(), m);
                    out.add(new Operation("query " + name, "query", name, m));
                } else if (mu != null) {
                    String name = name(mu.value(), m);
                    out.add(new Operation("mutation " + name, "mutation", name, m));
                } else if (sourceParameter(m) != null && java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
                    String name = m.isAnnotationPresent(Name.class) ? m.getAnnotation(Name.class).value() : m.getName();
                    out.add(new Operation("field " + sourceTypeName(sourceParameter(m)) + "." + name, "field", name, m));
                }
            }
        }
        return out;
    }

    /** Operation key → the roles its annotations allow. */
    public static Map<String, Set<String>> roles() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Operation op : all()) {
            out.put(op.key(), RoleMatrix.roles(op.method(), op.method().getDeclaringClass()));
        }
        return out;
    }

    private static String name(String annotated, Method m) {
        if (annotated != null && !annotated.isEmpty()) {
            return annotated;
        }
        return m.isAnnotationPresent(Name.class) ? m.getAnnotation(Name.class).value() : m.getName();
    }

    static Parameter sourceParameter(Method m) {
        for (Parameter p : m.getParameters()) {
            if (p.isAnnotationPresent(Source.class)) {
                return p;
            }
        }
        return null;
    }

    private static String sourceTypeName(Parameter p) {
        Type t = p.getParameterizedType();
        if (t instanceof ParameterizedType pt) {
            t = pt.getActualTypeArguments()[0];
        }
        Class<?> c = (Class<?>) t;
        return c.isAnnotationPresent(Name.class) ? c.getAnnotation(Name.class).value() : c.getSimpleName();
    }
}
