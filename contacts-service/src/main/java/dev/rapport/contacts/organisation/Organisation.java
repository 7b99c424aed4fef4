package dev.rapport.contacts.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "organisations")
public class Organisation {
    @Id
    public UUID id;
    public String name;
    public String domain;
    public String industry;
    @Column(name = "employee_count")
    public Integer employeeCount;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
