package dev.rapport.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.rapport.k8scheck.render.ImageRef;

/**
 * Every image anywhere in the manifests (containers, and the operators' {@code image} / {@code imageName} fields)
 * is pinned: a version tag other than {@code latest}, or a digest.
 */
public final class ImagePinningCheck implements ManifestCheck {

    @Override
    public String name() {
        return "image-pinning";
    }

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> resource : manifests.resources()) {
            walk(resource, "", (path, image) -> {
                String problem = problem(image);
                if (problem != null) {
                    findings.add(new Finding(name(), manifests.name(), Manifests.id(resource),
                            path + " = " + image + ": " + problem));
                }
            });
        }
        return findings;
    }

    static String problem(String image) {
        ImageRef ref = ImageRef.parse(image);
        if (ref.digest() != null) {
            return ref.digest().startsWith("sha256:") ? null : "digest is not sha256";
        }
        if (ref.tag() == null || ref.tag().isBlank()) {
            return "no tag (means latest)";
        }
        if (ref.tag().equalsIgnoreCase("latest")) {
            return "tag latest is not a version";
        }
        return null;
    }

    private interface Visitor {
        void image(String path, String image);
    }

    private static void walk(Object node, String path, Visitor visitor) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String child = path.isEmpty() ? key : path + "." + key;
                if ((key.equals("image") || key.equals("imageName")) && entry.getValue() instanceof String image) {
                    visitor.image(child, image);
                } else {
                    walk(entry.getValue(), child, visitor);
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", visitor);
            }
        }
    }
}
