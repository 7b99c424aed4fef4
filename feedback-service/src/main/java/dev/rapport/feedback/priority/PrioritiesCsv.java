package dev.rapport.feedback.priority;

import dev.rapport.platform.csv.Csv;

/** The ranked priorities as a spreadsheet reads them: one row per initiative, counts then shares. */
public final class PrioritiesCsv {
    static final Object[] HEADER = {"rank", "position", "initiativeId", "title", "score", "ratings", "essential", "important",
            "lowButImportant", "notImportant", "shareEssential", "shareImportant", "shareLowButImportant", "shareNotImportant"};

    private PrioritiesCsv() {
    }

    public static String of(PrioritiesView view) {
        StringBuilder b = new StringBuilder(Csv.row(HEADER));
        for (PriorityView p : view.initiatives()) {
            b.append(Csv.row(p.rank(), p.position(), p.initiativeId(), p.title(), p.score(), p.ratings(),
                    p.counts().essential(), p.counts().important(), p.counts().lowButImportant(), p.counts().notImportant(),
                    p.distribution().essential(), p.distribution().important(), p.distribution().lowButImportant(),
                    p.distribution().notImportant()));
        }
        return b.toString();
    }
}
