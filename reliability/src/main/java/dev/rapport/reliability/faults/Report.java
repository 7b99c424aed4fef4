package dev.rapport.reliability.faults;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one scenario measured (a table of figures) and which guarantees held. */
final class Report {
    private final String scenario;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private final Map<String, Boolean> guarantees = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    Report(String scenario, String... columns) {
        this.scenario = scenario;
        this.columns = List.of(columns);
    }

    String scenario() {
        return scenario;
    }

    void row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(String.valueOf(c));
        }
        rows.add(r);
    }

    /** A guarantee of the scenario; a false one makes the run fail. */
    void require(String guarantee, boolean held) {
        guarantees.merge(guarantee, held, Boolean::logicalAnd);
    }

    void note(String line) {
        notes.add(line);
    }

    boolean held() {
        return !guarantees.containsValue(false);
    }

    List<String> violations() {
        return guarantees.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
    }

    void print(PrintStream out) {
        out.println();
        out.println("## " + scenario);
        out.println();
        table(out, columns, rows);
        out.println();
        List<List<String>> g = new ArrayList<>();
        guarantees.forEach((k, v) -> g.add(List.of(k, v ? "held" : "VIOLATED")));
        table(out, List.of("guarantee", "result"), g);
        notes.forEach(n -> out.println("- " + n));
        out.flush();
    }

    /** A Markdown table, so the output can be pasted into the documentation as it is. */
    static void table(PrintStream out, List<String> header, List<List<String>> body) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : body) {
                width[i] = Math.max(width[i], i < r.size() ? r.get(i).length() : 0);
            }
        }
        line(out, header, width);
        StringBuilder sep = new StringBuilder("|");
        for (int w : width) {
            sep.append(' ').append("-".repeat(w)).append(" |");
        }
        out.println(sep);
        body.forEach(r -> line(out, r, width));
    }

    private static void line(PrintStream out, List<String> cells, int[] width) {
        StringBuilder s = new StringBuilder("|");
        for (int i = 0; i < width.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            s.append(' ').append(c).append(" ".repeat(width[i] - c.length())).append(" |");
        }
        out.println(s);
    }
}
