package dev.rapport.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * docs/roles.md, the one table of who may call what, read for tests: every module checks its own endpoints (REST
 * resource methods, GraphQL operations) against it, so a new endpoint without a row, or a role annotation that
 * disagrees with the table, fails the build with the exact rows to fix.
 *
 * <p>A row is {@code | <module>: <operation> | admin | agent | marketer | analyst | integration | contact | notes |};
 * a cell is {@code ✓} (allowed), {@code own} (allowed, only for the caller's own contact) or empty / {@code –}.
 * REST operations are {@code METHOD /path}, GraphQL ones {@code query name}, {@code mutation name},
 * {@code subscription name} or {@code field Type.name}.
 */
public final class RoleMatrix {
    public static final List<String> ROLES = List.of("admin", "agent", "marketer", "analyst", "integration", "contact");
    static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");

    /** One row: roles allowed (own-only included) and those allowed only for their own contact. */
    public record Row(Set<String> allowed, Set<String> ownOnly, String notes) {
    }

    private RoleMatrix() {
    }

    /** docs/roles.md, found from the module's directory upwards. */
    public static Path file() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs/roles.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/roles.md not found above " + Path.of("").toAbsolutePath());
    }

    /** The rows of one module ({@code contacts-service}, {@code gateway}, …), keyed by operation. */
    public static Map<String, Row> rows(String module) {
        try {
            return parse(Files.readAllLines(file()), module);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Row> parse(List<String> lines, String module) {
        Map<String, Row> rows = new TreeMap<>();
        String prefix = module + ":";
        for (String line : lines) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("|")) {
                continue;
            }
            List<String> cells = cells(trimmed);
            if (cells.size() < 1 + ROLES.size() || !unquote(cells.get(0)).startsWith(prefix)) {
                continue;
            }
            String operation = unquote(cells.get(0)).substring(prefix.length()).strip();
            Set<String> allowed = new LinkedHashSet<>();
            Set<String> own = new LinkedHashSet<>();
            for (int i = 0; i < ROLES.size(); i++) {
                String cell = cells.get(i + 1).strip().toLowerCase();
                switch (cell) {
                    case "✓", "yes", "x" -> allowed.add(ROLES.get(i));
                    case "own" -> {
                        allowed.add(ROLES.get(i));
                        own.add(ROLES.get(i));
                    }
                    case "", "–", "-", "—", "no" -> {
                    }
                    default -> throw new IllegalStateException("docs/roles.md: '" + cell + "' in the " + ROLES.get(i)
                            + " column of " + operation + " is none of ✓, own, –");
                }
            }
            String notes = cells.size() > 1 + ROLES.size() ? cells.get(1 + ROLES.size()).strip() : "";
            if (rows.put(operation, new Row(allowed, own, notes)) != null) {
                throw new IllegalStateException("docs/roles.md lists " + module + ": " + operation + " twice");
            }
        }
        return rows;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String c : inner.split("\\|", -1)) {
            cells.add(c.strip());
        }
        return cells;
    }

    private static String unquote(String cell) {
        return cell.replace("`", "").strip();
    }

    /** A table row for an operation, ready to paste into docs/roles.md. */
    public static String row(String module, String operation, Set<String> allowed) {
        StringBuilder b = new StringBuilder("| `").append(module).append(": ").append(operation).append("` |");
        for (String role : ROLES) {
            b.append(allowed.contains(role) ? " ✓ |" : " – |");
        }
        return b.append("  |").toString();
    }

    /**
     * Fails unless the module's actual operations (operation → roles its annotations allow) are exactly the table's
     * rows for it; the message lists the rows to add, change or remove.
     */
    public static void assertMatches(String module, Map<String, Set<String>> actual) {
        String differences = differences(module, rows(module), actual);
        if (differences != null) {
            throw new AssertionError(differences);
        }
    }

    /** What to change in the table so it says what the code does; null when they agree. */
    static String differences(String module, Map<String, Row> table, Map<String, Set<String>> actual) {
        List<String> missing = new ArrayList<>();
        List<String> different = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        new TreeMap<>(actual).forEach((op, roles) -> {
            Row row = table.get(op);
            if (row == null) {
                missing.add(row(module, op, roles));
            } else if (!row.allowed().equals(Set.copyOf(roles))) {
                different.add(row(module, op, roles) + "   (docs/roles.md says " + row.allowed() + ")");
            }
        });
        table.keySet().stream().filter(op -> !actual.containsKey(op)).forEach(op -> stale.add("`" + module + ": " + op + "`"));
        if (missing.isEmpty() && different.isEmpty() && stale.isEmpty()) {
            return null;
        }
        StringBuilder m = new StringBuilder("docs/roles.md and the code disagree for " + module + ".");
        if (!missing.isEmpty()) {
            m.append("\nRows missing (add them; mark own-only cells `own`):\n").append(String.join("\n", missing));
        }
        if (!different.isEmpty()) {
            m.append("\nRows whose roles differ from the annotations (code says):\n").append(String.join("\n", different));
        }
        if (!stale.isEmpty()) {
            m.append("\nRows for operations that no longer exist (remove them):\n").append(String.join("\n", stale));
        }
        return m.toString();
    }

    // --- JAX-RS resources ------------------------------------------------------------------------------------------

    /**
     * Every resource method under {@code classesDir} (a module's compiled main classes): {@code METHOD /path} → roles
     * from {@code @RolesAllowed} (method, else class); {@code @PermitAll} and {@code @Authenticated} allow every role.
     * Interfaces (REST clients) are skipped. Annotations are matched by name, so this works with any JAX-RS jar.
     */
    public static Map<String, Set<String>> restOperations(Path classesDir) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Class<?> type : classes(classesDir)) {
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || annotation(type, "jakarta.ws.rs.Path") == null) {
                continue;
            }
            String base = (String) value(annotation(type, "jakarta.ws.rs.Path"));
            for (Method m : resourceMethods(type)) {
                String verb = Stream.of(m.getAnnotations()).map(a -> a.annotationType().getName())
                        .filter(n -> n.startsWith("jakarta.ws.rs.") && HTTP_METHODS.contains(n.substring("jakarta.ws.rs.".length())))
                        .map(n -> n.substring("jakarta.ws.rs.".length())).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                Annotation sub = annotation(m, "jakarta.ws.rs.Path");
                String key = verb + " " + path(base, sub == null ? "" : (String) value(sub));
                Set<String> roles = roles(m, type);
                Set<String> earlier = out.putIfAbsent(key, roles);
                if (earlier != null && !earlier.equals(roles)) {
                    throw new AssertionError(type.getName() + ": " + key + " is declared twice with different roles: "
                            + earlier + " and " + roles);
                }
            }
        }
        return out;
    }

    /** The methods a resource class declares and those it inherits (a shared base such as platform's webhook API). */
    private static List<Method> resourceMethods(Class<?> type) {
        List<Method> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            out.addAll(List.of(c.getDeclaredMethods()));
        }
        return out;
    }

    /** Roles from annotations on the method, else its class. */
    public static Set<String> roles(Method m, Class<?> type) {
        for (Object target : new Object[] {m, type}) {
            Annotation rolesAllowed = annotation(target, "jakarta.annotation.security.RolesAllowed");
            if (rolesAllowed != null) {
                return new LinkedHashSet<>(List.of((String[]) value(rolesAllowed)));
            }
            if (annotation(target, "jakarta.annotation.security.PermitAll") != null
                    || annotation(target, "io.quarkus.security.Authenticated") != null) {
                return new LinkedHashSet<>(ROLES);
            }
            if (annotation(target, "jakarta.annotation.security.DenyAll") != null) {
                return new LinkedHashSet<>();
            }
        }
        return new LinkedHashSet<>(Set.of("(no role annotation)"));
    }

    static String path(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("\\{([^}:]+):[^}]*}", "{$1}").replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** Every class compiled into a directory, loaded without initialising it. */
    public static List<Class<?>> classes(Path classesDir) {
        try (Stream<Path> files = Files.walk(classesDir)) {
            List<Class<?>> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classesDir.relativize(f).toString().replace('/', '.').replace('\\', '.');
                name = name.substring(0, name.length() - ".class".length());
                if (name.endsWith("package-info") || name.endsWith("module-info")) {
                    continue;
                }
                try {
                    out.add(Class.forName(name, false, Thread.currentThread().getContextClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + name, e);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Annotation annotation(Object target, String name) {
        Annotation[] all = target instanceof Method m ? m.getAnnotations() : ((Class<?>) target).getAnnotations();
        for (Annotation a : all) {
            if (a.annotationType().getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    public static Object value(Annotation a) {
        try {
            return a.annotationType().getMethod("value").invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
