package dev.rapport.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.rapport.k8scheck.render.ImageRef;

/**
 * A service's Dockerfile: every base image pinned to a version from registry.access.redhat.com/ubi9, and the
 * final stage running as a non-root user.
 */
public final class Dockerfiles {

    private Dockerfiles() {
    }

    public static List<String> problems(String dockerfile) {
        List<String> problems = new ArrayList<>();
        String user = null;
        boolean anyFrom = false;
        for (String raw : dockerfile.split("\n")) {
            String line = raw.strip();
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("FROM ")) {
                anyFrom = true;
                user = null;
                String image = line.substring(5).strip().split("\\s+")[0];
                String pin = ImagePinningCheck.problem(image);
                if (pin != null) {
                    problems.add("FROM " + image + ": " + pin);
                }
                if (!ImageRef.parse(image).name().startsWith("registry.access.redhat.com/ubi9/")) {
                    problems.add("FROM " + image + ": not a registry.access.redhat.com/ubi9 image");
                }
            } else if (upper.startsWith("USER ")) {
                user = line.substring(5).strip();
            }
        }
        if (!anyFrom) {
            problems.add("no FROM");
        }
        if (user == null) {
            problems.add("the final stage sets no USER, so it runs as root");
        } else if (user.equals("0") || user.equals("root") || user.startsWith("0:") || user.startsWith("root:")) {
            problems.add("the final stage runs as " + user);
        }
        return problems;
    }
}
