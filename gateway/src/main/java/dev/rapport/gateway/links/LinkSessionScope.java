package dev.rapport.gateway.links;

import java.util.Map;
import java.util.Set;

import dev.rapport.security.links.LinkAction;

/**
 * What a link session may do: the GraphQL operations its link's action needs, on the one record the link names
 * ({@code ref}), and nothing else. A session whose action is unknown may do nothing.
 *
 * @param action the link's action; null when the token names none this gateway knows
 * @param ref    the record the action is about (an invitation, loop follow-up, case or offer id)
 */
public record LinkSessionScope(LinkAction action, String ref) {
    /** The issuer of link sessions: the gateway itself. */
    public static final String ISSUER = "rapport-links";
    public static final String ACTION_CLAIM = "link_action";
    public static final String REF_CLAIM = "link_ref";
    public static final String PURPOSE_CLAIM = "link_purpose";
    /** The id of the signed link the session was opened from (consent-service counts its openings). */
    public static final String LINK_ID_CLAIM = "link_id";

    /** Every session: its own node's plain fields and the purposes' names. */
    private static final Set<String> ALWAYS = Set.of("me", "purposes", "purpose");

    /** Root operations per action, besides {@link #ALWAYS}. */
    private static final Map<LinkAction, Set<String>> OPERATIONS = Map.of(
            LinkAction.PREFERENCES, Set.of("contactPointFacts", "consentEvent", "consentReceipt", "exportPersonalData",
                    "recordConsent", "setPolicy", "setMyLanguage", "eraseMe"),
            LinkAction.CONSULTATION, Set.of("consultation", "submitConsultationResponse"),
            LinkAction.FOLLOW_UP, Set.of("loopFollowUp", "answerFollowUp", "whyNotThread", "postThreadMessage", "action"),
            LinkAction.CASE, Set.of("case", "confirmCase", "reopenCase"),
            LinkAction.RATING, Set.of("case", "rate"),
            LinkAction.RENEWAL_OFFER, Set.of("myRenewalOffer"),
            LinkAction.UNSUBSCRIBE, Set.of());

    /** The nested {@code Contact} fields per action (its plain fields, such as name and language, are always readable). */
    private static final Map<LinkAction, Set<String>> CONTACT_FIELDS = Map.of(
            LinkAction.PREFERENCES, Set.of("contactPoints", "consents", "consentLedger", "policy", "decisions", "mayContact"),
            LinkAction.CONSULTATION, Set.of("invitations"));

    public static LinkSessionScope of(Object action, Object ref) {
        LinkAction known = null;
        if (action != null) {
            try {
                known = LinkAction.valueOf(unquoted(action));
            } catch (IllegalArgumentException e) {
                // a session for an action this gateway does not know may do nothing
            }
        }
        return new LinkSessionScope(known, ref == null ? null : unquoted(ref));
    }

    private static String unquoted(Object claim) {
        return claim.toString().replace("\"", "");
    }

    /** Null when the root operation {@code name} with these arguments is within the scope; else why not. */
    public String refusal(String name, Map<String, Object> arguments) {
        if (ALWAYS.contains(name)) {
            return null;
        }
        if (action == null || !OPERATIONS.getOrDefault(action, Set.of()).contains(name)) {
            return outside(name);
        }
        boolean aboutRef = switch (name) {
            case "loopFollowUp", "answerFollowUp", "case", "confirmCase", "reopenCase", "myRenewalOffer" ->
                    ref != null && ref.equals(arguments.get("id"));
            case "submitConsultationResponse" -> ref != null && ref.equals(input(arguments, "invitationId"))
                    && input(arguments, "invitationToken") == null;
            case "rate" -> ref != null && ref.equals(input(arguments, "subjectId")) && "CASE".equals(input(arguments, "subjectType"));
            default -> true; // the rest are held to the record by their resolvers or by the contact's own id
        };
        return aboutRef ? null : "This link is for one " + record() + " only; " + name + " here names another";
    }

    /** Null when the nested {@code Contact} field is within the scope; else why not. */
    public String contactFieldRefusal(String field) {
        return action != null && CONTACT_FIELDS.getOrDefault(action, Set.of()).contains(field) ? null : outside("Contact." + field);
    }

    private String outside(String name) {
        return "A link session opened from a " + (action == null ? "link" : action.name()) + " link may not use " + name
                + "; log in to do more";
    }

    private String record() {
        return switch (action) {
            case CONSULTATION -> "invitation";
            case FOLLOW_UP -> "follow-up";
            case CASE, RATING -> "case";
            case RENEWAL_OFFER -> "offer";
            default -> "record";
        };
    }

    @SuppressWarnings("unchecked")
    private static Object input(Map<String, Object> arguments, String field) {
        return arguments.get("input") instanceof Map<?, ?> input ? ((Map<String, Object>) input).get(field) : null;
    }
}
