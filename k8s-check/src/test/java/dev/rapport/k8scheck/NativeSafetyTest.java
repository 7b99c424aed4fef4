package dev.rapport.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class NativeSafetyTest {

    @Test
    void applicationCodeNeedsNoUnregisteredReflection() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String module : List.of("platform", "contacts-service", "consent-service", "feedback-service", "delivery", "gateway", "web")) {
            Path java = Repo.root().resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(java)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(java)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    NativeSafety.problems(Files.readString(file))
                            .forEach(p -> problems.add(Repo.root().relativize(file) + ":" + p));
                }
            }
        }
        assertEquals(List.of(), problems, "these calls fail in a native image unless registered: register the class "
                + "(@RegisterForReflection) or the resource (quarkus.native.resources.includes), then mark the line "
                + "with a '// native: <what registers it>' comment");
    }

    @Test
    void catchesReflectionProxiesAndResources() {
        assertEquals(5, NativeSafety.problems("""
                Class<?> c = Class.forName(name);
                Object p = Proxy.newProxyInstance(loader, types, handler);
                Field f = type.getDeclaredField("x");
                f.setAccessible(true);
                InputStream in = Foo.class.getResourceAsStream("/data.bin");
                """).size());
        assertEquals(List.of(), NativeSafety.problems("""
                // Class.forName in a comment is fine
                InputStream in = Foo.class.getResourceAsStream("/d.bin"); // native: quarkus.native.resources.includes
                """));
    }
}
