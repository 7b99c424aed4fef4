package dev.rapport.contacts.importing;

import dev.rapport.contacts.contactpoint.PointContext;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "rapport.import")
public interface ImportConfig {

    /** Where uploaded files are kept until their job completes. Must survive a restart for resume to work. */
    @WithDefault("data/contacts/imports")
    Path directory();

    /** Rows per transaction: each batch is COPYed and its progress committed atomically. */
    @WithDefault("5000")
    int batchSize();

    /**
     * Threads that validate and render batches while the previous batch is being written; the parse of a
     * phone number alone costs ~10 us, so on two cores checking in parallel with PostgreSQL's COPY pays.
     */
    @WithDefault("2")
    int checkThreads();

    /**
     * Batches of one job written at the same time, each on its own connection: PostgreSQL's share of an import
     * (indexes, foreign keys, outbox) is larger than the service's, and one connection keeps it on one core.
     * Progress still commits in file order. Batches that match existing contacts (upsert, external ids) are
     * written one at a time.
     */
    @WithDefault("2")
    int writeConnections();

    /** Jobs that run at the same time in this process; more wait as QUEUED. */
    @WithDefault("1")
    int maxConcurrentJobs();

    /** Pick up jobs left QUEUED or RUNNING by a previous process when the service starts. */
    @WithDefault("true")
    boolean resumeAtStart();

    /** Context of an e-mail or phone whose *_context column is empty or absent. */
    @WithDefault("WORK")
    PointContext defaultContext();

    /** Region (ISO 3166 alpha-2) for phone numbers without +country code when phone_region is empty. */
    Optional<String> defaultPhoneRegion();

    /** Keep the uploaded file after its job completed (it holds personal data: default no). */
    @WithDefault("false")
    boolean keepFiles();

    @WithDefault("100")
    int errorsPageSize();

    @WithDefault("1000")
    int errorsPageMax();
}
