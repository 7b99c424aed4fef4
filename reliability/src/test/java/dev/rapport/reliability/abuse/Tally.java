package dev.rapport.reliability.abuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Requests sent per target by status, and the expectations that failed; printed at the end of the run. */
final class Tally {
    private static final Map<String, Map<Integer, Integer>> BY_TARGET = new TreeMap<>();

    private final String target;
    private final List<String> failures = new ArrayList<>();

    Tally(String target) {
        this.target = target;
    }

    void count(int status) {
        synchronized (BY_TARGET) {
            BY_TARGET.computeIfAbsent(target, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
        }
    }

    void fail(String what) {
        failures.add(what);
    }

    List<String> failures() {
        return failures;
    }

    static String report() {
        StringBuilder out = new StringBuilder("[reliability] abuse corpus: requests sent by status\n");
        synchronized (BY_TARGET) {
            int all = 0;
            for (var e : BY_TARGET.entrySet()) {
                int total = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
                all += total;
                out.append(String.format("  %-17s %5d  %s%n", e.getKey(), total, e.getValue()));
            }
            out.append(String.format("  %-17s %5d%n", "total", all));
        }
        return out.toString();
    }
}
