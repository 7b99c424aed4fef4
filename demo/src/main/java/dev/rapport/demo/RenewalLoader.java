package dev.rapport.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.demo.People.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A season-ticket programme with two seasons of propensity scores (1–5) and outcomes. Last season the model predicted
 * renewal well; this season its tiers barely differ — the tier report should make that visible at a glance. Members
 * of this season without an outcome yet get an early-renewal offer by tier (consent-checked).
 */
final class RenewalLoader {
    static final String PROGRAMME = "Season ticket";
    static final String LAST_SEASON = "2025/26";
    static final String THIS_SEASON = "2026/27";
    private static final String MARKETER = "marketer";
    /** Probability of renewing per tier 1–5: last season's model predicted, this season's does not. */
    private static final double[] LAST = {0.45, 0.62, 0.75, 0.86, 0.93};
    private static final double[] THIS = {0.80, 0.84, 0.82, 0.88, 0.91};

    private final Http http;
    private final Target target;

    RenewalLoader(Http http, Target target) {
        this.http = http;
        this.target = target;
    }

    /** The programme's id. */
    String load(List<Person> people, ContactsLoader.Roster roster) {
        List<Person> members = people.stream().filter(p -> p.seasonTicket() && roster.id(p) != null).toList();
        String id = existing(roster.id(members.get(0)));
        boolean created = id == null;
        if (created) {
            id = http.post(MARKETER, target.feedback() + "/programmes", Map.of("name", PROGRAMME,
                    "description", "Season ticket holders of the club, scored each spring for their propensity to renew")).path("id").asText();
        }
        importSeason(id, members, roster, LAST_SEASON, LAST, 1.0);
        importSeason(id, members, roster, THIS_SEASON, THIS, 0.6);
        if (created) {
            http.post(MARKETER, target.feedback() + "/programmes/" + id + "/offers",
                    Map.of("period", THIS_SEASON, "tiers", List.of(4, 5), "channel", "EMAIL"));
        }
        return id;
    }

    /** The programme a member already belongs to: programmes are found through their members. */
    private String existing(String memberId) {
        JsonNode perContact = http.get(MARKETER, target.feedback() + "/by-contact/renewal-scores?contactIds=" + memberId);
        for (JsonNode entry : perContact) {
            for (JsonNode score : entry.path("items")) {
                if (PROGRAMME.equals(score.path("programmeName").asText())) {
                    return score.path("programmeId").asText();
                }
            }
        }
        return null;
    }

    /** All or nothing, and importing the same rows again is a no-op. */
    private void importSeason(String programmeId, List<Person> members, ContactsLoader.Roster roster, String period,
            double[] renewal, double decided) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Person p : members) {
            int score = 1 + (int) (p.chance("score-" + period) * 5);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("contactId", roster.id(p));
            row.put("externalRef", "ST-" + period.substring(0, 4) + "-" + String.format("%05d", p.index()));
            row.put("score", score);
            if (p.chance("decided-" + period) < decided) {
                double r = p.chance("renews-" + period);
                row.put("outcome", r >= renewal[score - 1] ? "LAPSED" : r < renewal[score - 1] * 0.4 ? "RENEWED_EARLY" : "RENEWED");
            }
            rows.add(row);
        }
        http.post(MARKETER, target.feedback() + "/programmes/" + programmeId + "/members/import",
                Map.of("period", period, "scoredBy", "model:renewal-v3", "rows", rows));
    }
}
