package dev.rapport.contacts.importing;

import dev.rapport.platform.problem.Problem;
import dev.rapport.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The columns an import file may have (docs/import.md). Header names are matched ignoring case and spaces around. */
enum ImportColumn {
    GIVEN_NAME, FAMILY_NAME, DISPLAY_NAME, ORGANISATION_DOMAIN, OWNER, LIFECYCLE_STAGE, TAGS,
    EMAIL, EMAIL_CONTEXT, EMAIL_2, EMAIL_2_CONTEXT,
    PHONE, PHONE_CONTEXT, PHONE_2, PHONE_2_CONTEXT, PHONE_REGION, LANGUAGE, EXTERNAL_ID;

    static final List<String> NAMES = Arrays.stream(values()).map(ImportColumn::header).toList();

    String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Where each column is in a file, from its header row: {@code index[column.ordinal()]}, or -1 when absent.
     * An unknown, repeated or unnamed column rejects the whole file before anything is stored.
     */
    record Layout(int[] index, int width) {
        static Layout of(String[] header) {
            int[] index = new int[values().length];
            Arrays.fill(index, -1);
            List<Problem.FieldError> errors = new ArrayList<>();
            for (int i = 0; i < header.length; i++) {
                String name = header[i].strip().toLowerCase(Locale.ROOT);
                ImportColumn column = NAMES.contains(name) ? valueOf(name.toUpperCase(Locale.ROOT)) : null;
                if (name.isEmpty()) {
                    errors.add(new Problem.FieldError("column " + (i + 1), "has no name in the header (line 1)"));
                } else if (column == null) {
                    errors.add(new Problem.FieldError(header[i].strip(), "is not a known column (line 1); known columns are "
                            + String.join(", ", NAMES)));
                } else if (index[column.ordinal()] >= 0) {
                    errors.add(new Problem.FieldError(name, "appears twice in the header (line 1)"));
                } else {
                    index[column.ordinal()] = i;
                }
            }
            Layout layout = new Layout(index, header.length);
            if (errors.isEmpty() && !layout.hasAny(EnumSet.of(GIVEN_NAME, FAMILY_NAME, DISPLAY_NAME))) {
                errors.add(new Problem.FieldError("header", "needs at least one of given_name, family_name, display_name"));
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(400, "invalid-csv-header", "Invalid CSV header",
                        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
            }
            return layout;
        }

        boolean hasAny(EnumSet<ImportColumn> columns) {
            return columns.stream().anyMatch(c -> index[c.ordinal()] >= 0);
        }

        /** The column's value in a record, stripped; null when absent or blank. */
        String get(String[] values, ImportColumn column) {
            int i = index[column.ordinal()];
            if (i < 0) {
                return null;
            }
            String v = values[i].strip();
            return v.isEmpty() ? null : v;
        }
    }
}
