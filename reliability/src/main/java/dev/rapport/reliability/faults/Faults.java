package dev.rapport.reliability.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The long fault scenarios, run on demand ({@code reliability/faults.sh}, docs/reliability.md). Each starts the
 * processes it needs, injects its faults, prints its figures and stops everything it started by PID, also when it
 * fails or is interrupted. The exit code is 1 when a guarantee was violated, 2 on bad arguments, 3 when a scenario
 * could not run.
 */
public final class Faults {
    private Faults() {
    }

    static Map<String, Scenario> scenarios() {
        Map<String, Scenario> all = new LinkedHashMap<>();
        for (Scenario s : List.<Scenario>of(new CrashDuringWrites(), new DatabaseRestart(),
                new OutboxUnderFailure(), new SlowDependency(), new ImportKilled())) {
            all.put(s.name(), s);
        }
        return all;
    }

    public static void main(String[] args) {
        Map<String, Scenario> all = scenarios();
        Options options;
        try {
            options = Options.parse(args, List.copyOf(all.keySet()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.printf(Options.USAGE + "%n", String.join(", ", all.keySet()));
            System.exit(2);
            return;
        }
        System.exit(run(options, all));
    }

    /** Runs the chosen scenarios one after the other; the exit code. */
    static int run(Options options, Map<String, Scenario> all) {
        List<Report> reports = new ArrayList<>();
        boolean broken = false;
        for (String name : options.scenarios()) {
            Scenario s = all.get(name);
            Rig.log("== " + name + ": " + s.summary());
            try {
                Report r = s.run(options);
                r.print(System.out);
                reports.add(r);
            } catch (Exception e) {
                broken = true;
                System.err.println(name + " could not run: " + e);
                e.printStackTrace();
            }
        }
        System.out.println();
        System.out.println("## Summary");
        System.out.println();
        List<List<String>> rows = new ArrayList<>();
        reports.forEach(r -> rows.add(List.of(r.scenario(), r.held() ? "held" : "VIOLATED: " + String.join("; ", r.violations()))));
        Report.table(System.out, List.of("scenario", "guarantees"), rows);
        if (reports.stream().anyMatch(r -> !r.held())) {
            return 1;
        }
        return broken ? 3 : 0;
    }

    /** Runs one scenario and returns its report (for the smoke test). */
    static Report runOne(String name, Options options) throws Exception {
        return scenarios().get(name).run(options);
    }
}
