package dev.rapport.delivery.message;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an outreach is about, read from its {@code payloadRef} (feedback-service writes them, see its outreach package):
 * {@code feedback:invitation:<invitation>}, {@code feedback:action:<action>:follow-up:<follow-up>},
 * {@code feedback:thread:<thread>:follow-up:<follow-up>}, {@code feedback:case:<case>:confirmation:<ask>},
 * {@code feedback:renewal-offer:<offer>}, {@code feedback:follow-up:<follow-up>} (to an anonymous respondent). Anything else (a partner's own reference, none at all) is a plain message
 * about the purpose.
 *
 * @param subject the record the message is about: invitation, action, thread, case or offer
 * @param followUp the loop follow-up the person answers (action notice, thread reply); otherwise null
 */
public record PayloadRef(Kind kind, UUID subject, UUID followUp) {
    private static final String ID = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";
    private static final Pattern INVITATION = Pattern.compile("feedback:invitation:" + ID);
    private static final Pattern ACTION = Pattern.compile("feedback:action:" + ID + ":follow-up:" + ID);
    private static final Pattern THREAD = Pattern.compile("feedback:thread:" + ID + ":follow-up:" + ID);
    private static final Pattern CASE = Pattern.compile("feedback:case:" + ID + ":confirmation:" + ID);
    private static final Pattern OFFER = Pattern.compile("feedback:renewal-offer:" + ID);
    private static final Pattern ANONYMOUS = Pattern.compile("feedback:follow-up:" + ID);

    public static PayloadRef parse(String ref) {
        if (ref == null) {
            return new PayloadRef(Kind.PLAIN, null, null);
        }
        Matcher m;
        if ((m = INVITATION.matcher(ref)).matches()) {
            return new PayloadRef(Kind.INVITATION, id(m, 1), null);
        }
        if ((m = ACTION.matcher(ref)).matches()) {
            return new PayloadRef(Kind.ACTION_NOTICE, id(m, 1), id(m, 2));
        }
        if ((m = THREAD.matcher(ref)).matches()) {
            return new PayloadRef(Kind.THREAD_REPLY, id(m, 1), id(m, 2));
        }
        if ((m = CASE.matcher(ref)).matches()) {
            return new PayloadRef(Kind.CASE_CONFIRMATION, id(m, 1), null);
        }
        if ((m = OFFER.matcher(ref)).matches()) {
            return new PayloadRef(Kind.RENEWAL_OFFER, id(m, 1), null);
        }
        if ((m = ANONYMOUS.matcher(ref)).matches()) {
            return new PayloadRef(Kind.ANONYMOUS_NOTICE, id(m, 1), id(m, 1));
        }
        return new PayloadRef(Kind.PLAIN, null, null);
    }

    private static UUID id(Matcher m, int group) {
        return UUID.fromString(m.group(group));
    }
}
