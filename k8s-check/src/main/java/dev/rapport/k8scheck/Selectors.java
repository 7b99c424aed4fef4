package dev.rapport.k8scheck;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

/** Kubernetes label-selector semantics. */
final class Selectors {

    private Selectors() {
    }

    /** A plain map selector (Service): every pair must be present. An empty one selects nothing for a Service. */
    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** A LabelSelector (NetworkPolicy, PodDisruptionBudget): null or empty selects everything. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null && !matches(selector.getMatchLabels(), labels)) {
            return false;
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
        if (expressions != null) {
            for (LabelSelectorRequirement requirement : expressions) {
                String value = labels.get(requirement.getKey());
                List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
                boolean ok = switch (requirement.getOperator()) {
                    case "In" -> value != null && values.contains(value);
                    case "NotIn" -> value == null || !values.contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new IllegalArgumentException("selector operator " + requirement.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
