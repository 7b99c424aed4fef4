package dev.rapport.reliability.faults;

/** One fault scenario: it starts what it needs, injects its faults, checks its guarantees and stops everything. */
interface Scenario {
    String name();

    String summary();

    Report run(Options options) throws Exception;
}
