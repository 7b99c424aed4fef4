package dev.rapport.gateway.contact;

import dev.rapport.gateway.common.Connection;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.rapport.gateway.common.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("A CSV import (uploaded to contacts-service POST /imports): subscribe to importProgress, or poll importJob, "
        + "until status is COMPLETED or FAILED.")
public record ImportJob(@Id String id, String fileName, ImportMode mode, ImportStatus status,
        long total, long processed, @Description("Rows taken: created + matched + updated") long imported,
        @Description("Rows that created a contact") long created,
        @Description("Rows that matched a contact which already had everything they give (UPSERT)") long matched,
        @Description("Rows that matched a contact and filled empty fields or added tags or contact points (UPSERT)") long updated,
        long failed,
        @Description("processed / total, 0–1 (0 while the total is unknown)") double progress, String createdBy,
        Instant createdAt, Instant startedAt, Instant finishedAt, String failure) {

    @JsonCreator
    static ImportJob fromJson(@JsonProperty("id") String id, @JsonProperty("fileName") String fileName,
            @JsonProperty("mode") ImportMode mode, @JsonProperty("status") ImportStatus status, @JsonProperty("total") long total,
            @JsonProperty("processed") long processed, @JsonProperty("imported") long imported,
            @JsonProperty("created") long created, @JsonProperty("matched") long matched, @JsonProperty("updated") long updated,
            @JsonProperty("failed") long failed, @JsonProperty("createdBy") String createdBy,
            @JsonProperty("createdAt") Instant createdAt, @JsonProperty("startedAt") Instant startedAt,
            @JsonProperty("finishedAt") Instant finishedAt, @JsonProperty("failure") String failure) {
        double progress = total <= 0 ? 0 : Math.min(1.0, (double) processed / total);
        return new ImportJob(id, fileName, mode, status, total, processed, imported, created, matched, updated, failed, progress, createdBy, createdAt,
                startedAt, finishedAt, failure);
    }

    /** COMPLETED and FAILED are final: the job changes no more. */
    static boolean isFinished(ImportStatus status) {
        return status == ImportStatus.COMPLETED || status == ImportStatus.FAILED;
    }

    public record ImportError(long line, String field, String message) {
    }

    public record ImportErrorConnection(List<ImportError> nodes, List<ImportErrorEdge> edges, PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record ImportErrorEdge(String cursor, ImportError node) {
    }

    @Description("What became of one row of the file, by line.")
    public record ImportRow(@Description("Line in the file where the row starts (the header is line 1)") long line,
            ImportRowOutcome outcome,
            @Id @Description("The contact the row created or matched; null for ERROR") String contactId,
            @Description("What an UPDATED row filled or added: column names (given_name, tags, …) and the channels of added "
                    + "contact points (email, phone)") List<String> changed) {
    }

    public record ImportRowConnection(List<ImportRow> nodes, List<ImportRowEdge> edges, PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record ImportRowEdge(String cursor, ImportRow node) {
    }
}
