package dev.rapport.contacts.importing;

import static dev.rapport.contacts.importing.ImportColumn.*;

import dev.rapport.contacts.contact.LanguageTag;
import dev.rapport.contacts.contact.LifecycleStage;
import dev.rapport.contacts.contactpoint.AddressNormaliser;
import dev.rapport.contacts.contactpoint.Channel;
import dev.rapport.contacts.contactpoint.PointContext;
import dev.rapport.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates one record as a whole: every field is checked and every problem reported, and a row with any problem
 * is not imported at all. Values are stored as given (after trimming); a cell that looks like a spreadsheet
 * formula is data here and is neutralised on export, not on import.
 */
final class RowCheck {
    // The same rules as the API's NewContact, so an imported contact could have been created by hand.
    private static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} _.:-]*$");
    private static final Pattern REGION = Pattern.compile("^[A-Za-z]{2}$");
    private static final String STAGES = Arrays.toString(LifecycleStage.values());

    private final ImportColumn.Layout layout;
    private final PointContext defaultContext;
    private final String defaultRegion;
    private final Map<String, UUID> organisationsByDomain;
    // Files reuse a small vocabulary of tags; remembering which are valid saves a regex match per tag and row.
    private final Map<String, Boolean> tagValidity = new ConcurrentHashMap<>();
    // The same for languages: a file names a handful, each normalised once.
    private final Map<String, String> languages = new ConcurrentHashMap<>();

    /** A checked row: either {@code row} or the {@code errors} that keep it out. */
    record Checked(ContactRow row, List<RowError> errors) {
    }

    RowCheck(ImportColumn.Layout layout, PointContext defaultContext, String defaultRegion, Map<String, UUID> organisationsByDomain) {
        this.layout = layout;
        this.defaultContext = defaultContext;
        this.defaultRegion = defaultRegion;
        this.organisationsByDomain = organisationsByDomain;
    }

    /**
     * Whether rows must be matched against what earlier batches wrote: always in UPSERT, and in CREATE when the file
     * has external ids (one already held is a row error). Otherwise a batch is rendered whole where it is checked.
     */
    boolean plansAtWrite(ImportMode mode) {
        return mode == ImportMode.UPSERT || layout.hasAny(EnumSet.of(EXTERNAL_ID));
    }

    Checked check(CsvReader.Record record) {
        long line = record.line();
        List<RowError> errors = new ArrayList<>(0);
        String[] v = record.values();
        if (record.malformed() != null) {
            return new Checked(null, List.of(new RowError(line, "row", record.malformed())));
        }
        if (v.length != layout.width()) {
            return new Checked(null, List.of(new RowError(line, "row",
                    "has " + v.length + " values but the header has " + layout.width() + " columns")));
        }
        for (int i = 0; i < v.length; i++) {
            if (v[i].indexOf('\0') >= 0) {
                errors.add(new RowError(line, columnAt(i), "contains a NUL character"));
            }
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        String given = text(v, GIVEN_NAME, 200, line, errors);
        String family = text(v, FAMILY_NAME, 200, line, errors);
        String display = text(v, DISPLAY_NAME, 400, line, errors);
        if (display == null && (given != null || family != null)) {
            display = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        if (display == null && errors.isEmpty()) {
            errors.add(new RowError(line, DISPLAY_NAME.header(), "is required when given_name and family_name are empty"));
        }
        UUID organisation = organisation(v, line, errors);
        String owner = text(v, OWNER, 200, line, errors);
        LifecycleStage stage = stage(v, line, errors);
        List<String> tags = tags(v, line, errors);
        String language = language(v, line, errors);
        String externalId = externalId(v, line, errors);
        List<ContactRow.Point> points = new ArrayList<>(2);
        String region = region(v, line, errors);
        point(v, Channel.EMAIL, EMAIL, EMAIL_CONTEXT, null, points, line, errors);
        point(v, Channel.EMAIL, EMAIL_2, EMAIL_2_CONTEXT, null, points, line, errors);
        point(v, Channel.PHONE, PHONE, PHONE_CONTEXT, region, points, line, errors);
        point(v, Channel.PHONE, PHONE_2, PHONE_2_CONTEXT, region, points, line, errors);
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new ContactRow(line, given, family, display, organisation, owner, stage, tags, language, externalId, points),
                List.of());
    }

    private String columnAt(int index) {
        for (ImportColumn c : ImportColumn.values()) {
            if (layout.index()[c.ordinal()] == index) {
                return c.header();
            }
        }
        return "row";
    }

    private String text(String[] v, ImportColumn column, int max, long line, List<RowError> errors) {
        String s = layout.get(v, column);
        if (s != null && s.length() > max) {
            errors.add(new RowError(line, column.header(), "is longer than " + max + " characters"));
        }
        return s;
    }

    private String externalId(String[] v, long line, List<RowError> errors) {
        String id = text(v, EXTERNAL_ID, 200, line, errors);
        if (id != null && id.chars().anyMatch(Character::isISOControl)) {
            errors.add(new RowError(line, EXTERNAL_ID.header(), "contains a control character"));
        }
        return id;
    }

    private UUID organisation(String[] v, long line, List<RowError> errors) {
        String domain = layout.get(v, ORGANISATION_DOMAIN);
        if (domain == null) {
            return null;
        }
        UUID id = organisationsByDomain.get(domain.toLowerCase(Locale.ROOT));
        if (id == null) {
            errors.add(new RowError(line, ORGANISATION_DOMAIN.header(), "is not the domain of a known organisation"));
        }
        return id;
    }

    private LifecycleStage stage(String[] v, long line, List<RowError> errors) {
        String s = layout.get(v, LIFECYCLE_STAGE);
        if (s == null) {
            return LifecycleStage.PROSPECT;
        }
        try {
            return LifecycleStage.valueOf(s.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(line, LIFECYCLE_STAGE.header(), "must be one of " + STAGES));
            return null;
        }
    }

    private String language(String[] v, long line, List<RowError> errors) {
        String s = layout.get(v, LANGUAGE);
        if (s == null) {
            return null;
        }
        String known = languages.get(s);
        if (known != null) {
            return known;
        }
        try {
            String tag = LanguageTag.normalise(s, LANGUAGE.header());
            if (languages.size() < 1000) {
                languages.put(s, tag);
            }
            return tag;
        } catch (ProblemException e) {
            errors.add(new RowError(line, LANGUAGE.header(), e.toProblem(null).errors().get(0).message()));
            return null;
        }
    }

    private List<String> tags(String[] v, long line, List<RowError> errors) {
        String s = layout.get(v, TAGS);
        if (s == null) {
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String raw : s.split(";")) {
            String tag = raw.strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                continue;
            }
            if (!validTag(tag)) {
                errors.add(new RowError(line, TAGS.header(),
                        "each tag must be 1 to 64 letters, digits, space, _ . : - (separate tags with ';')"));
                return List.of();
            }
            unique.add(tag);
        }
        if (unique.size() > 50) {
            errors.add(new RowError(line, TAGS.header(), "has more than 50 tags"));
        }
        return List.copyOf(unique);
    }

    private boolean validTag(String tag) {
        Boolean valid = tagValidity.get(tag);
        if (valid == null) {
            valid = tag.length() <= 64 && TAG.matcher(tag).matches();
            if (tagValidity.size() < 10_000) {
                tagValidity.put(tag, valid);
            }
        }
        return valid;
    }

    private String region(String[] v, long line, List<RowError> errors) {
        String r = layout.get(v, PHONE_REGION);
        if (r == null) {
            return defaultRegion;
        }
        if (!REGION.matcher(r).matches()) {
            errors.add(new RowError(line, PHONE_REGION.header(), "must be a two-letter country code such as GB"));
            return null;
        }
        return r.toUpperCase(Locale.ROOT);
    }

    private void point(String[] v, Channel channel, ImportColumn addressColumn, ImportColumn contextColumn, String region,
            List<ContactRow.Point> points, long line, List<RowError> errors) {
        String raw = layout.get(v, addressColumn);
        if (raw == null) {
            return;
        }
        PointContext context = context(v, contextColumn, line, errors);
        String address;
        try {
            address = channel == Channel.EMAIL
                    ? AddressNormaliser.email(raw, addressColumn.header())
                    : AddressNormaliser.phone(raw, region, addressColumn.header());
        } catch (ProblemException e) {
            errors.add(new RowError(line, addressColumn.header(), e.toProblem(null).errors().get(0).message()));
            return;
        }
        for (ContactRow.Point earlier : points) {
            if (earlier.channel() == channel && earlier.address().equals(address)) {
                errors.add(new RowError(line, addressColumn.header(), "repeats an address given earlier in the row"));
                return;
            }
        }
        if (context != null) {
            points.add(new ContactRow.Point(channel, address, context));
        }
    }

    private PointContext context(String[] v, ImportColumn column, long line, List<RowError> errors) {
        String c = layout.get(v, column);
        if (c == null) {
            return defaultContext;
        }
        try {
            return PointContext.valueOf(c.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(line, column.header(), "must be WORK or PERSONAL"));
            return null;
        }
    }
}
