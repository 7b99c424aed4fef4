package dev.rapport.consent.ledger;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The contact_point_folds table as the decision and consent statements read it (no statement of its own): the lateral
 * subquery both statements join for a merge group's {@link PointFold}s, and the mapper of the arrays it answers.
 * {@code g.members} is the group.
 */
public final class PointFoldQueries {
    private PointFoldQueries() {
    }

    /** Every fold of the group, whenever made: {@link Coverage} decides which count at the instant asked about. */
    public static final String OF_GROUP = """
            select array_agg(fo.folded_point_id) as fo_from, array_agg(fo.folded_hash) as fo_from_hash,
                   array_agg(fo.into_point_id) as fo_into, array_agg(fo.into_hash) as fo_into_hash,
                   array_agg(fo.folded_at) as fo_at
            from contact_point_folds fo where fo.contact_id = any (g.members)""";

    public static List<PointFold> of(Row r) {
        return of(r, r.getColumnIndex("fo_from"), r.getColumnIndex("fo_from_hash"), r.getColumnIndex("fo_into"),
                r.getColumnIndex("fo_into_hash"), r.getColumnIndex("fo_at"));
    }

    /** The same, with the columns' positions found once for a whole result (a bulk decision maps thousands of rows). */
    public static List<PointFold> of(Row r, int fromColumn, int fromHashColumn, int intoColumn, int intoHashColumn, int atColumn) {
        UUID[] from = r.getArrayOfUUIDs(fromColumn);
        if (from == null) {
            return List.of();
        }
        String[] fromHash = r.getArrayOfStrings(fromHashColumn);
        UUID[] into = r.getArrayOfUUIDs(intoColumn);
        String[] intoHash = r.getArrayOfStrings(intoHashColumn);
        OffsetDateTime[] at = r.getArrayOfOffsetDateTimes(atColumn);
        List<PointFold> out = new ArrayList<>(from.length);
        for (int i = 0; i < from.length; i++) {
            out.add(new PointFold(from[i], fromHash[i], into[i], intoHash[i], at[i].toInstant()));
        }
        return out;
    }
}
