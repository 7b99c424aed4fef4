package dev.rapport.gateway.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;

/**
 * What a document costs, in points (docs/gateway.md "Cost limits"): every selected field is 1 point, counted once per
 * alias and per fragment spread; a field asked with {@code first: n} counts its sub-selection ⌈n / 10⌉ times (a page
 * of 100 contacts costs ten times their fields); every mutation field at the root adds 10. Read from the document and
 * variables alone, so it is known before anything runs. A document that does not parse costs a point per 64 characters.
 */
public final class QueryCost {
    static final int MUTATION_FIELD = 10;
    static final int PAGE_UNIT = 10;
    static final long MAX = 1_000_000_000L;
    static final int UNPARSED_CHARACTERS_PER_POINT = 64;

    private QueryCost() {
    }

    /** The cost of the operation that runs: the named one, or the document's only one (the dearest one otherwise). */
    public static int of(Document document, String operationName, Map<String, Object> variables) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            }
        }
        long dearest = 0;
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof OperationDefinition op
                    && (operationName == null || operationName.isBlank() || operationName.equals(op.getName()))) {
                long cost = selections(op.getSelectionSet(), fragments, variables == null ? Map.of() : variables, new HashSet<>());
                if (op.getOperation() == OperationDefinition.Operation.MUTATION) {
                    cost += (long) MUTATION_FIELD * op.getSelectionSet().getSelections().stream()
                            .filter(Field.class::isInstance).count();
                }
                dearest = Math.max(dearest, cost);
            }
        }
        return (int) Math.max(1, Math.min(dearest, MAX));
    }

    /** A document that does not parse costs a point per 64 characters read (a 62 KB one: about 1,000). */
    public static int unparsed(String document) {
        return 1 + document.length() / UNPARSED_CHARACTERS_PER_POINT;
    }

    private static long selections(SelectionSet set, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
            Set<String> spreading) {
        if (set == null) {
            return 0;
        }
        long cost = 0;
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                cost += 1 + pages(f, variables) * selections(f.getSelectionSet(), fragments, variables, spreading);
            } else if (s instanceof InlineFragment i) {
                cost += selections(i.getSelectionSet(), fragments, variables, spreading);
            } else if (s instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && spreading.add(spread.getName())) { // a cycle is refused by validation; here it just stops
                cost += selections(fragments.get(spread.getName()).getSelectionSet(), fragments, variables, spreading);
                spreading.remove(spread.getName());
            }
            if (cost > MAX) {
                return MAX;
            }
        }
        return cost;
    }

    private static long pages(Field field, Map<String, Object> variables) {
        for (Argument a : field.getArguments()) {
            if (a.getName().equals("first")) {
                long first = a.getValue() instanceof IntValue v ? v.getValue().longValue()
                        : a.getValue() instanceof VariableReference r && variables.get(r.getName()) instanceof Number n
                                ? n.longValue() : PAGE_UNIT;
                return Math.max(1, (first + PAGE_UNIT - 1) / PAGE_UNIT);
            }
        }
        return 1;
    }
}
