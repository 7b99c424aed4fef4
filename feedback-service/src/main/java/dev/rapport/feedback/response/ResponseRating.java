package dev.rapport.feedback.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "response_ratings")
@IdClass(ResponseRating.Key.class)
public class ResponseRating {
    @Id
    @Column(name = "response_id")
    public UUID responseId;
    @Id
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Column(name = "consultation_id")
    public UUID consultationId;
    /** {@link Bucket#weight}. */
    public short bucket;
    public String comment;

    public static class Key implements Serializable {
        public UUID responseId;
        public UUID initiativeId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(responseId, k.responseId) && Objects.equals(initiativeId, k.initiativeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(responseId, initiativeId);
        }
    }
}
