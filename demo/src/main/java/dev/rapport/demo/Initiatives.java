package dev.rapport.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A water company's consultation: 25 plans in each of five areas, 125 initiatives. How much people care follows the
 * plan (some matter to nearly everyone) and where they live (their own area's works matter more): a ranking with a
 * shape, which a segment filter visibly changes.
 */
final class Initiatives {
    static final String TITLE = "Our water network, 2027–2032";
    static final String PURPOSE = "We are planning the next five years of works and services. Tell us what matters to you: "
            + "we will publish what we will do, and what we won't and why.";
    static final String DRAFT_TITLE = "Customer service hours, 2027";

    static final String[] PLANS = {
            "Replace lead pipes", "Fix leaks within 24 hours", "Smart water meters", "Lower the standing charge",
            "Flood defences", "Fewer hosepipe bans", "Cleaner rivers", "Upgrade storm overflows", "Free water-saving kits",
            "Support for low-income households", "Settle bill disputes in a week", "A better online account",
            "Text alerts before works", "Quieter night works", "Green energy for pumping stations", "Rainwater harvesting grants",
            "A bigger reservoir", "Softer water", "Steadier water pressure", "Apprenticeships", "Trees on the catchments",
            "Bottle refill points", "Step-free offices", "A priority services register", "Coordinate road works"};
    static final String[] AREAS = {"north", "south", "east", "west", "centre"};
    static final String[] DRAFT = {"Phone lines open until 8 pm", "Saturday mornings", "Call-back within the hour",
            "Chat on the website", "Visits at a time you choose", "One named adviser per case"};

    private Initiatives() {
    }

    record Initiative(int index, String title, String area, double appeal) {
    }

    static List<Initiative> all() {
        List<Initiative> out = new ArrayList<>();
        for (int plan = 0; plan < PLANS.length; plan++) {
            double appeal = new Random(plan * 977L + 3).nextDouble();
            for (String area : AREAS) {
                out.add(new Initiative(out.size(), PLANS[plan] + " — " + area, area, appeal));
            }
        }
        return out;
    }

    /** The bucket this person gives this initiative, or null when they leave it unrated (partial answers are normal). */
    static String bucket(People.Person p, Initiative i) {
        Random r = new Random(((long) p.index() << 16) ^ i.index() * 2654435761L);
        boolean ownArea = i.area().equals(p.region());
        double interest = p.chance("breadth") * 0.8 + 0.1;
        if (r.nextDouble() > (ownArea ? 0.9 : interest)) {
            return null;
        }
        double s = i.appeal() + (ownArea ? 0.25 : 0) + (r.nextDouble() - 0.5) * 0.6;
        return s > 0.85 ? "ESSENTIAL" : s > 0.55 ? "IMPORTANT" : s > 0.3 ? "LOW_BUT_IMPORTANT" : "NOT_IMPORTANT";
    }
}
