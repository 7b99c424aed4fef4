package dev.rapport.contacts.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contacts.contact.ContactSearchQueries;
import dev.rapport.contacts.contact.ContactView;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Segments: saved audiences. A FILTER segment is evaluated whenever it is read, through the contact search's own
 * criteria; a STATIC one is a stored list. Members stream in id order a page at a time, so a service taking an
 * audience of any size holds one page in memory.
 */
@ApplicationScoped
public class SegmentService {
    @Inject
    SegmentQueries queries;
    @Inject
    ContactSearchQueries search;
    @Inject
    SegmentConfig config;
    @Inject
    ObjectMapper json;

    public Uni<SegmentView> create(NewSegment in, String by) {
        SegmentKind kind = in.kind() == null ? SegmentKind.FILTER : in.kind();
        SegmentFilter filter = filterFor(kind, in.filter(), by);
        return queries.insert(Ids.newId(), in.name().strip(), in.description(), kind, write(filter), by).map(this::view);
    }

    public Uni<SegmentView> get(UUID id) {
        return stored(id).map(this::view);
    }

    public Uni<Page<SegmentView>> list(String cursor, Integer limit) {
        int size = Cursor.limit(limit, 50, 200);
        List<String> after = Cursor.decode(cursor, 2);
        UUID afterId;
        try {
            afterId = after.isEmpty() ? null : UUID.fromString(after.get(1));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
        return queries.list(after.isEmpty() ? null : after.get(0), afterId, size)
                .map(rows -> Page.of(rows, size, this::view, s -> Cursor.encode(s.name().toLowerCase(java.util.Locale.ROOT), s.id())));
    }

    /** A new definition (name, description, filter); the kind never changes. 409 when {@code in.version()} is stale. */
    public Uni<SegmentView> update(UUID id, NewSegment in, String by) {
        if (in.version() == null) {
            throw ProblemException.badField("version", "is required: the version read, so that a concurrent edit is not lost");
        }
        return stored(id).chain(current -> {
            if (in.kind() != null && in.kind() != current.kind()) {
                throw ProblemException.badField("kind", "cannot change (" + current.kind() + "); create another segment");
            }
            SegmentFilter filter = filterFor(current.kind(), in.filter(), by);
            return queries.update(id, in.version(), in.name().strip(), in.description(), write(filter), by)
                    .map(updated -> {
                        if (updated == null) {
                            throw ProblemException.conflict("version-conflict", "Segment " + id + " is at version "
                                    + current.version() + ", not " + in.version() + "; read it again");
                        }
                        return view(updated);
                    });
        });
    }

    public Uni<Void> delete(UUID id) {
        return queries.delete(id).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("Segment", id);
            }
            return null;
        });
    }

    public Uni<MembersUpload> replaceMembers(UUID id, MemberList.Read list, String by) {
        return stored(id).chain(s -> {
            if (s.kind() != SegmentKind.STATIC) {
                throw ProblemException.rule("not-a-static-segment", "Segment " + id + " is a FILTER segment: change its filter instead");
            }
            return queries.replaceMembers(id, list.ids(), list.repeated(), by);
        }).map(done -> {
            if (done == null) {
                throw ProblemException.notFound("Segment", id);
            }
            return done;
        });
    }

    /**
     * One page of member ids in id order after {@code after}. {@code version}, when given, must still be the segment's:
     * a service streaming an audience passes the version of its first page, and an edit in between is a 409 rather
     * than an audience mixing two definitions.
     */
    public Uni<MemberIds> memberIds(UUID id, UUID after, Integer version, Integer limit) {
        int size = Cursor.limit(limit, config.memberIdsPage(), config.memberIdsPageMax());
        return stored(id).chain(s -> {
            if (version != null && version != s.version()) {
                throw ProblemException.conflict("segment-changed", "Segment " + id + " is at version " + s.version()
                        + ", not " + version + ": its definition changed while the audience was being read");
            }
            Uni<List<UUID>> ids = s.kind() == SegmentKind.STATIC ? queries.staticIds(id, after, size + 1)
                    : search.ids(read(s.filter()).toSearch(), after, size + 1);
            return ids.map(page -> {
                boolean more = page.size() > size;
                List<UUID> items = more ? page.subList(0, size) : page;
                return new MemberIds(id, s.version(), List.copyOf(items), more ? items.get(items.size() - 1) : null);
            });
        });
    }

    /** Members as contacts: a FILTER segment by name (the search's order), a STATIC one by id. */
    public Uni<Page<ContactView>> members(UUID id, String cursor, Integer limit) {
        int size = Cursor.limit(limit, 50, 500);
        return stored(id).chain(s -> {
            if (s.kind() == SegmentKind.FILTER) {
                return search.searchLive(read(s.filter()).toSearch(), cursor, size);
            }
            List<String> after = Cursor.decode(cursor, 1);
            UUID afterId;
            try {
                afterId = after.isEmpty() ? null : UUID.fromString(after.get(0));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("cursor", "is not a cursor this API returned");
            }
            return queries.staticIds(id, afterId, size + 1).chain(ids -> {
                List<UUID> pageIds = ids.subList(0, Math.min(size, ids.size()));
                String next = ids.size() > size ? Cursor.encode(pageIds.get(pageIds.size() - 1)) : null;
                return contacts(pageIds).map(contacts -> new Page<>(contacts, next,
                        contacts.stream().map(c -> Cursor.encode(c.id())).toList()));
            });
        });
    }

    public Uni<SegmentCount> count(UUID id) {
        return stored(id).chain(s -> (s.kind() == SegmentKind.STATIC ? queries.staticCount(id) : search.count(read(s.filter()).toSearch()))
                .map(n -> new SegmentCount(id, s.version(), n, null)));
    }

    /** Count and first members of a filter before it is saved. */
    public Uni<SegmentCount> preview(SegmentFilter filter, String caller) {
        ContactSearchQueries.Filter f = (filter == null ? empty() : filter.normalised(caller)).toSearch();
        return search.count(f).chain(n -> search.searchLive(f, null, config.previewSize())
                .map(page -> new SegmentCount(null, null, n, page.items())));
    }

    private Uni<List<ContactView>> contacts(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ContactSearchQueries.Filter byIds = new ContactSearchQueries.Filter(null, null, null, null, null, null, null, null, null, null, null, null,
                ids, null);
        return search.search(byIds, null, ids.size()).map(page -> {
            Map<UUID, ContactView> byId = page.items().stream().collect(Collectors.toMap(ContactView::id, c -> c));
            return ids.stream().map(byId::get).filter(c -> c != null).toList();
        });
    }

    private Uni<SegmentQueries.Stored> stored(UUID id) {
        return queries.find(id).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("Segment", id);
            }
            return s;
        });
    }

    private static SegmentFilter filterFor(SegmentKind kind, SegmentFilter filter, String by) {
        if (kind == SegmentKind.STATIC) {
            if (filter != null) {
                throw ProblemException.badField("filter", "must be absent for a STATIC segment (upload its list instead)");
            }
            return null;
        }
        SegmentFilter f = (filter == null ? empty() : filter).normalised(by);
        if (f.minValue() != null && f.maxValue() != null && f.minValue().compareTo(f.maxValue()) > 0) {
            throw ProblemException.badField("filter.minValue", "is greater than filter.maxValue");
        }
        if (f.createdFrom() != null && f.createdTo() != null && f.createdFrom().isAfter(f.createdTo())) {
            throw ProblemException.badField("filter.createdFrom", "is after filter.createdTo");
        }
        return f;
    }

    private static SegmentFilter empty() {
        return new SegmentFilter(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private SegmentView view(SegmentQueries.Stored s) {
        return new SegmentView(s.id(), s.name(), s.description(), s.kind(), read(s.filter()), s.version(), s.createdBy(),
                s.createdAt().toInstant(), s.updatedAt().toInstant());
    }

    private String write(SegmentFilter f) {
        try {
            return f == null ? null : json.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SegmentFilter read(String stored) {
        try {
            return stored == null ? null : json.readValue(stored, SegmentFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored segment filter", e);
        }
    }
}
