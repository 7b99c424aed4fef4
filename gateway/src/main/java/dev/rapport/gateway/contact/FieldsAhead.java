package dev.rapport.gateway.contact;

import dev.rapport.gateway.common.Channel;
import dev.rapport.gateway.common.Enums;
import dev.rapport.gateway.feedback.CaseStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.rapport.gateway.common.Ahead;
import dev.rapport.gateway.error.InvalidInputError;
import io.smallrye.mutiny.Uni;
import dev.rapport.gateway.consent.ConsentGraphQLApi;
import dev.rapport.gateway.feedback.FeedbackGraphQLApi;
import dev.rapport.gateway.links.LinkSessionScope;
import dev.rapport.gateway.security.Caller;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import io.smallrye.graphql.api.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * For a query of one contact by id: starts the service calls of the selected consent and feedback fields together
 * with the contact's own fetch (see {@link Ahead}). Each field's call is its resolver's own method, called through the
 * bean, so roles, timeouts, retries and breakers are the same; the resolver later takes the call under way. Fields
 * with an argument of another kind than these (consents as of a past instant) are left to resolve as usual.
 */
@ApplicationScoped
public class FieldsAhead {
    @Inject
    Ahead ahead;
    @Inject
    Context context;
    @Inject
    ConsentGraphQLApi consent;
    @Inject
    FeedbackGraphQLApi feedback;
    @Inject
    Caller caller;

    void startFor(String id) {
        DataFetchingEnvironment env;
        try {
            env = context.unwrap(DataFetchingEnvironment.class);
        } catch (RuntimeException notAvailable) {
            return;
        }
        if (env == null || env.getSelectionSet() == null) {
            return;
        }
        List<Contact> one = List.of(new Contact(id, null, null, null, null, null, null, null, null, null, 0, null, null, null));
        LinkSessionScope link = caller.linkSession();
        for (SelectedField field : env.getSelectionSet().getImmediateFields()) {
            if (link != null && link.contactFieldRefusal(field.getName()) != null) {
                continue; // outside the link session's scope: refused when its turn comes, and never called
            }
            Map<String, Object> args = field.getArguments();
            switch (field.getName()) {
                case "consents" -> {
                    if (args.get("at") == null) {
                        ahead.start("consents", id, Arrays.asList((Object) null), () -> consent.consents(one, null));
                    }
                }
                case "policy" -> ahead.start("policy", id, List.of(), () -> consent.policy(one));
                case "mayContact" -> {
                    String purpose = text(args, "purpose");
                    Channel channel = Enums.of(Channel.class, args.get("channel"));
                    if (purpose != null) {
                        ahead.start("mayContact", id, Arrays.asList(purpose, channel), () -> consent.mayContact(one, purpose, channel));
                    }
                }
                case "decisions" -> {
                    List<String> purposes = texts(args.get("purposes"));
                    Channel channel = Enums.of(Channel.class, args.get("channel"));
                    if (purposes != null) {
                        ahead.start("decisions", id, Arrays.asList(purposes, channel), () -> consent.decisions(one, purposes, channel));
                    }
                }
                case "cases" -> {
                    CaseStatus status = Enums.of(CaseStatus.class, args.get("status"));
                    int first = number(args, "first", 20);
                    String after = cursor(args);
                    ahead.start("cases", id, Arrays.asList(status, first, after),
                            () -> refusedLater(() -> feedback.cases(one, status, first, after)));
                }
                case "ratings" -> {
                    int first = number(args, "first", 20);
                    String after = cursor(args);
                    ahead.start("ratings", id, Arrays.asList(first, after),
                            () -> refusedLater(() -> feedback.ratings(one, first, after)));
                }
                default -> {
                }
            }
        }
    }

    /** A call whose arguments the resolver refuses (a bad `after`) fails with that refusal, as the resolver would. */
    private static Uni<?> refusedLater(Refusable call) {
        try {
            return call.get();
        } catch (InvalidInputError refused) {
            return Uni.createFrom().failure(refused);
        }
    }

    @FunctionalInterface
    private interface Refusable {
        Uni<?> get() throws InvalidInputError;
    }

    /** `after` as the resolver keys it: an empty one is no cursor. */
    private static String cursor(Map<String, Object> args) {
        String after = text(args, "after");
        return after == null || after.isEmpty() ? null : after;
    }

    private static String text(Map<String, Object> args, String name) {
        return args.get(name) instanceof String s ? s : null;
    }

    private static int number(Map<String, Object> args, String name, int otherwise) {
        return args.get(name) instanceof Number n ? n.intValue() : otherwise;
    }

    private static List<String> texts(Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            return null;
        }
        return list.stream().map(String.class::cast).toList();
    }
}
