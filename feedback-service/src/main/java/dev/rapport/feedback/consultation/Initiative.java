package dev.rapport.feedback.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One thing customers are asked to rank; {@code position} is its place in the list and breaks score ties. */
@Entity
@Table(name = "initiatives")
public class Initiative {
    @Id
    public UUID id;
    @Column(name = "consultation_id")
    public UUID consultationId;
    public int position;
    public String title;
    public String description;
}
