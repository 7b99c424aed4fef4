package dev.rapport.platform.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A remembered write. Every service's first migration creates the table:
 * <pre>
 * create table idempotency_keys (
 *   id text primary key, request_hash text not null, response text not null, created_at timestamptz not null);
 * </pre>
 */
@Entity
@Table(name = "idempotency_keys")
public class IdempotencyRecord {
    @Id
    public String id;
    @Column(name = "request_hash", nullable = false)
    public String requestHash;
    @Column(nullable = false)
    public String response;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
