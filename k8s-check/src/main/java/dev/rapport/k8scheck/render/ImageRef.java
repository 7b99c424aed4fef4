package dev.rapport.k8scheck.render;

/** An image reference split the way kustomize and the container runtimes split it: name, then :tag and/or @digest. */
public record ImageRef(String name, String tag, String digest) {

    public static ImageRef parse(String image) {
        String rest = image;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageRef(rest, tag, digest);
    }

    /** What follows the name in the original reference. */
    public String suffix() {
        return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
