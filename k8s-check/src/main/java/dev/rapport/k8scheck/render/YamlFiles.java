package dev.rapport.k8scheck.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads YAML documents as plain maps and lists, in file order. */
public final class YamlFiles {

    private YamlFiles() {
    }

    public static List<Map<String, Object>> readAll(Path file) {
        try {
            return parseAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> parseAll(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(text)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map)) {
                throw new IllegalArgumentException("a YAML document is not a mapping: " + document);
            }
            documents.add((Map<String, Object>) document);
        }
        return documents;
    }

    public static Map<String, Object> readOne(Path file) {
        List<Map<String, Object>> documents = readAll(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + documents.size() + " documents, expected one");
        }
        return documents.get(0);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }
}
