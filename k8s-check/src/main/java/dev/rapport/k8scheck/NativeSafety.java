package dev.rapport.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Java calls a native image cannot serve without extra registration: reflection by name, dynamic proxies,
 * private-member access. Quarkus registers what it generates itself (CDI, REST, Hibernate, config mappings), so
 * application code should need none of these; a line that really does must say why with a {@code // native:}
 * comment naming its registration (a {@code @RegisterForReflection} or a reflection-config.json entry).
 */
public final class NativeSafety {

    private static final List<Pattern> UNSAFE = List.of(
            Pattern.compile("\\bClass\\.forName\\s*\\("),
            Pattern.compile("\\bProxy\\.newProxyInstance\\s*\\("),
            Pattern.compile("\\.getDeclared(Method|Field|Constructor)s?\\s*\\("),
            Pattern.compile("\\.setAccessible\\s*\\(\\s*true"),
            Pattern.compile("\\bMethodHandles\\.(private)?[lL]ookup(In)?\\s*\\("),
            Pattern.compile("\\bServiceLoader\\.load\\s*\\("),
            Pattern.compile("\\.getResource(AsStream)?\\s*\\("));

    private NativeSafety() {
    }

    /** The lines of one Java source that use such a call without a {@code // native:} justification. */
    public static List<String> problems(String source) {
        List<String> problems = new ArrayList<>();
        String[] lines = source.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("//") || line.strip().startsWith("*") || line.contains("// native:")) {
                continue;
            }
            for (Pattern unsafe : UNSAFE) {
                if (unsafe.matcher(line).find()) {
                    problems.add((i + 1) + ": " + line.strip());
                }
            }
        }
        return problems;
    }
}
