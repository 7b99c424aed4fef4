package dev.rapport.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration a Quarkus module reads, gathered from its sources at test time so it stays true as the module
 * grows: the keys of {@code application.properties} (profiles stripped), every {@code ${expression}} they refer
 * to, {@code @ConfigMapping} prefixes with their methods, {@code @ConfigProperty} names, and environment variable
 * names the Java code reads directly (string literals such as {@code "RAPPORT_DB_URL"}). Shared code in
 * {@code platform} and {@code security} counts for every service.
 */
public final class AppConfig {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    /** A method without parameters ending in ';': in a @ConfigMapping interface, a configuration property. */
    private static final Pattern METHOD = Pattern.compile("\\b(\\w+)\\(\\)\\s*;");
    private static final Pattern PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern ENV_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*_[A-Z0-9_]+)\"");

    private final Set<String> properties = new HashSet<>();
    private final Set<String> literalEnv = new HashSet<>();
    /** For each @ConfigMapping: the prefix's environment form and the environment forms of its methods. */
    private final List<Mapping> mappings = new ArrayList<>();

    private record Mapping(String prefixEnv, Set<String> methodEnvs) {
    }

    private AppConfig() {
    }

    /** Reads {@code module} and the {@code shared} modules it builds on (any may be null). */
    public static AppConfig of(Path module, Path... shared) {
        AppConfig config = new AppConfig();
        List<Path> roots = new ArrayList<>();
        roots.add(module);
        if (shared != null) {
            roots.addAll(Arrays.asList(shared));
        }
        for (Path root : roots) {
            if (root == null || !Files.isDirectory(root)) {
                continue;
            }
            Path properties = root.resolve("src/main/resources/application.properties");
            if (Files.isRegularFile(properties)) {
                config.readProperties(read(properties));
            }
            Path java = root.resolve("src/main/java");
            if (Files.isDirectory(java)) {
                try (Stream<Path> files = Files.walk(java)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> config.readJava(read(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return config;
    }

    private void readProperties(String text) {
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            int separator = indexOfSeparator(trimmed);
            String key = separator < 0 ? trimmed : trimmed.substring(0, separator).strip();
            if (key.startsWith("%")) {
                key = key.substring(key.indexOf('.') + 1);
            }
            properties.add(key);
            Matcher expression = EXPRESSION.matcher(trimmed);
            while (expression.find()) {
                properties.add(expression.group(1).strip());
            }
        }
    }

    private static int indexOfSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private void readJava(String source) {
        Matcher mapping = MAPPING.matcher(source);
        if (mapping.find()) {
            Set<String> methods = new HashSet<>();
            Matcher method = METHOD.matcher(source);
            while (method.find()) {
                methods.add(env(kebab(method.group(1))));
            }
            mappings.add(new Mapping(env(mapping.group(1)), methods));
        }
        Matcher property = PROPERTY.matcher(source);
        while (property.find()) {
            properties.add(property.group(1));
        }
        Matcher literal = ENV_LITERAL.matcher(source);
        while (literal.find()) {
            literalEnv.add(literal.group(1));
        }
    }

    /** Whether an environment variable of this name configures the application. */
    public boolean readsEnv(String name) {
        if (literalEnv.contains(name)) {
            return true;
        }
        for (String property : properties) {
            if (property.equals(name) || env(property).equals(name)) {
                return true;
            }
        }
        for (Mapping mapping : mappings) {
            if (name.startsWith(mapping.prefixEnv + "_")
                    && mapping.methodEnvs.stream().anyMatch(m -> name.endsWith("_" + m))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the application reads this property (as a key or through an expression). */
    public boolean readsProperty(String property) {
        return properties.contains(property);
    }

    /** MicroProfile Config's environment form of a property name: every non-alphanumeric (quotes too) becomes _, upper case. */
    public static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
