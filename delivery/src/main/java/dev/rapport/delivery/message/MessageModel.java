package dev.rapport.delivery.message;

import java.util.List;
import java.util.UUID;

/**
 * Everything one rendered message shows, already in the person's language where it is prose we compose (the why
 * section, dates). The templates ({@code templates/mail/<kind>.html|txt}) lay it out; the HTML ones escape every value.
 *
 * @param outreachId  the outreach this message delivers (its Message-ID and unsubscribe link are derived from it)
 * @param language    en, fr or ar
 * @param name        how to greet the person; null greets without a name
 * @param address     the e-mail address it goes to
 * @param why         the why section, one sentence each: the address and how we have it, the purpose, the consent or
 *                    lawful basis
 * @param actionUrl   the one thing the message asks the person to do (a signed link to a page); null for plain messages
 * @param ratingUrl   case confirmations only: the rating page
 * @param content     what the message is about, per kind
 */
public record MessageModel(UUID outreachId, Kind kind, String language, String name, String address, List<String> why,
        String actionUrl, String ratingUrl, String preferencesUrl, String unsubscribeUrl, Content content) {

    /** Right to left (Arabic): the HTML part sets {@code dir="rtl"}. */
    public String dir() {
        return "ar".equals(language) ? "rtl" : "ltr";
    }

    /**
     * What the message is about. Only the fields of its kind are set: title (consultation), initiative, decision
     * (WILL_DO, DOING, DONE, WONT_DO), description and reason (action), problem, opened and resolved (case), programme and
     * period (renewal offer); purpose (the purpose's description) always.
     */
    public record Content(String purpose, String title, String initiative, String decision, String description,
            String reason, String problem, String opened, String resolved, String programme, String period) {

        public static Content of(String purpose) {
            return new Content(purpose, null, null, null, null, null, null, null, null, null, null);
        }

        public Content consultation(String t) {
            return new Content(purpose, t, initiative, decision, description, reason, problem, opened, resolved, programme, period);
        }

        public Content action(String i, String d, String desc, String r) {
            return new Content(purpose, title, i, d, desc, r, problem, opened, resolved, programme, period);
        }

        public Content supportCase(String p, String o, String r) {
            return new Content(purpose, title, initiative, decision, description, reason, p, o, r, programme, period);
        }

        public Content renewal(String p, String per) {
            return new Content(purpose, title, initiative, decision, description, reason, problem, opened, resolved, p, per);
        }
    }
}
