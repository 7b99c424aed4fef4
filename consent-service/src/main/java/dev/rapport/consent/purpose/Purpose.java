package dev.rapport.consent.purpose;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "purposes")
public class Purpose {
    @Id
    public String code;
    public String description;
    @Enumerated(EnumType.STRING)
    @Column(name = "lawful_basis")
    public LawfulBasis lawfulBasis;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
