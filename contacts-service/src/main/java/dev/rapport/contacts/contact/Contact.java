package dev.rapport.contacts.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "contacts")
public class Contact {
    @Id
    public UUID id;
    @Column(name = "given_name")
    public String givenName;
    @Column(name = "family_name")
    public String familyName;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "organisation_id")
    public UUID organisationId;
    public String owner;
    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_stage")
    public LifecycleStage lifecycleStage;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags;
    /** BCP 47 tag ({@link LanguageTag}); null: the deployment's default language. */
    public String language;
    /** The id another system knows the person by (set by imports); unique among contacts. */
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "merged_into")
    public UUID mergedInto;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
