package dev.rapport.gateway.rating;

import org.eclipse.microprofile.graphql.Description;

@Description("What a rating is about.")
public enum RatingSubjectType {
    INTERACTION, CASE, STAFF
}
