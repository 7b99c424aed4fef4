package dev.rapport.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

/** Assertions shared by the tests that feed a check a broken fixture. */
final class Expect {

    private Expect() {
    }

    static void clean(ManifestCheck check, Manifests manifests) {
        assertEquals("", text(check.check(manifests)), "the unbroken fixture must pass " + check.name());
    }

    /** The check reports a finding on {@code resource} whose message contains {@code problem}. */
    static void caught(ManifestCheck check, Manifests manifests, String resource, String problem) {
        List<Finding> findings = check.check(manifests);
        assertTrue(findings.stream().anyMatch(f -> f.resource().equals(resource) && f.problem().contains(problem)),
                check.name() + " should report '" + problem + "' on " + resource + "; it reported:\n" + text(findings));
    }

    static String text(List<Finding> findings) {
        return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }
}
