package dev.rapport.k8scheck;

/** One broken rule: which check, in which overlay, on which resource, and what is wrong. */
public record Finding(String check, String overlay, String resource, String problem) {

    @Override
    public String toString() {
        return "[" + check + "] " + overlay + " " + resource + ": " + problem;
    }
}
