package dev.rapport.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the compiled classes of a module that hold the reactive SQL client's {@code Pool}: a field of that type, or an
 * injected constructor or method taking one, declared by the class or inherited from a superclass (a service bean
 * extending a platform base that injects the pool holds it too). For each service's persistence-idiom test (STYLE rule
 * 15: SQL lives in {@code *Repository} / {@code *Queries} classes; services never inject the pool).
 */
public final class PoolHolders {
    private static final Set<String> POOL_TYPES = Set.of("io.vertx.mutiny.sqlclient.Pool", "io.vertx.sqlclient.Pool",
            "io.vertx.mutiny.pgclient.PgPool", "io.vertx.pgclient.PgPool");

    private PoolHolders() {
    }

    /**
     * The holders among the classes under {@code classesDir} (a module's {@code target/classes}) that {@code allowed}
     * does not accept, each as {@code "class name: where the pool comes in"}, sorted.
     */
    public static List<String> outside(Path classesDir, Predicate<Class<?>> allowed) {
        Set<String> found = new TreeSet<>();
        for (Class<?> type : classes(classesDir)) {
            if (allowed.test(type)) {
                continue;
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (String where : holds(c)) {
                    found.add(type.getName() + ": " + where);
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * The holders other than a class named {@code …Repository} or {@code …Queries} (its nested classes and lambdas
     * included) and the classes named in {@code alsoAllowed}.
     */
    public static List<String> outsideRepositoriesAndQueries(Path classesDir, Set<String> alsoAllowed) {
        return outside(classesDir, type -> {
            Class<?> top = type;
            while (top.getEnclosingClass() != null) {
                top = top.getEnclosingClass();
            }
            String name = top.getSimpleName();
            return name.endsWith("Repository") || name.endsWith("Queries") || alsoAllowed.contains(top.getName());
        });
    }

    private static List<String> holds(Class<?> c) {
        List<String> out = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (POOL_TYPES.contains(f.getType().getName())) {
                out.add("field " + c.getSimpleName() + "." + f.getName());
            }
        }
        List<Executable> injected = new ArrayList<>(List.of(c.getDeclaredConstructors()));
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(jakarta.inject.Inject.class)) {
                injected.add(m);
            }
        }
        for (Executable e : injected) {
            for (Class<?> p : e.getParameterTypes()) {
                if (POOL_TYPES.contains(p.getName())) {
                    out.add("injected through " + c.getSimpleName() + "." + e.getName() + "(…)");
                }
            }
        }
        return out;
    }

    private static List<Class<?>> classes(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(root + " holds no compiled classes");
        }
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String rel = root.relativize(p).toString();
                String name = rel.substring(0, rel.length() - ".class".length()).replace(java.io.File.separatorChar, '.');
                if (name.endsWith("module-info") || name.endsWith("package-info")) {
                    continue;
                }
                out.add(Class.forName(name, false, PoolHolders.class.getClassLoader()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A compiled class is not on the test class path: " + e.getMessage(), e);
        }
        return out;
    }
}
