package dev.rapport.k8scheck;

import java.util.List;

/** A rule every rendered overlay must keep. */
public interface ManifestCheck {

    String name();

    List<Finding> check(Manifests manifests);
}
