package dev.rapport.contacts.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.rapport.contacts.outbox.ContactPointChange;
import dev.rapport.contacts.outbox.Outbox;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs import jobs off the request path. Per job, three stages overlap: a reader cuts the file into batches of
 * records, checker threads validate and render batches in parallel, and the job's own thread hands them to writers,
 * one transaction each ({@link BatchWriter}), several at once whose progress commits in file order
 * ({@link OrderedWrites}). A job stops early only by crashing or by shutdown; it is left
 * RUNNING and picked up again from its last committed batch at the next start or re-submission.
 */
@ApplicationScoped
public class ImportRunner {
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    @Inject
    ImportJobs jobs;
    @Inject
    ImportConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Outbox outbox;

    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    private ExecutorService writers;
    private ExecutorService readers;
    private ExecutorService checkers;
    private ExecutorService writing;
    private ObjectWriter changeWriter;

    @PostConstruct
    void init() {
        writers = Executors.newFixedThreadPool(config.maxConcurrentJobs(), named("import-job"));
        readers = Executors.newCachedThreadPool(named("import-read"));
        checkers = Executors.newFixedThreadPool(config.checkThreads(), named("import-check"));
        writing = Executors.newCachedThreadPool(named("import-write"));
        changeWriter = json.writerFor(ContactPointChange.class);
    }

    void resumeUnfinished(@Observes StartupEvent event) {
        if (!config.resumeAtStart()) {
            return;
        }
        try {
            jobs.unfinished().forEach(this::start);
        } catch (SQLException e) {
            LOG.error("Could not look for unfinished imports; re-submitting them resumes them", e);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        writers.shutdownNow();
        readers.shutdownNow();
        checkers.shutdownNow();
        writing.shutdownNow();
        writers.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Starts the job in the background unless this process is already running it. */
    public void start(UUID jobId) {
        if (active.add(jobId)) {
            try {
                writers.execute(() -> {
                    try {
                        run(jobId, Long.MAX_VALUE);
                    } finally {
                        active.remove(jobId);
                    }
                });
            } catch (RuntimeException e) {
                active.remove(jobId);
                throw e;
            }
        }
    }

    /**
     * Runs a job on the calling thread until it completes or {@code maxBatches} batches are committed; stopping
     * after a number of batches leaves the job exactly as a process killed at that point would (tests use it).
     */
    void run(UUID jobId, long maxBatches) {
        try {
            ImportJob job = jobs.findById(jobId).orElse(null);
            if (job == null || job.status().isFinished()) {
                return;
            }
            jobs.markRunning(jobId);
            process(job, maxBatches);
        } catch (BatchWriter.Superseded e) {
            LOG.infof("Import %s: another runner is ahead, this one stops", jobId);
        } catch (InterruptedException e) {
            LOG.infof("Import %s interrupted; it resumes from its last committed batch", jobId);
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            String ref = UUID.randomUUID().toString();
            LOG.errorf(e, "Import %s failed, reference %s", jobId, ref);
            try {
                jobs.markFailed(jobId, "The import stopped on an internal error (reference " + ref
                        + "); re-submit the same file with the same Idempotency-Key to resume it");
            } catch (SQLException again) {
                LOG.errorf(again, "Import %s: could not record the failure", jobId);
            }
        }
    }

    private void process(ImportJob job, long maxBatches) throws Exception {
        Path file = Path.of(job.filePath());
        ImportColumn.Layout layout;
        try (CsvReader header = new CsvReader(Files.newInputStream(file))) {
            layout = ImportColumn.Layout.of(header.next().values());
        }
        RowCheck check = new RowCheck(layout, config.defaultContext(), config.defaultPhoneRegion().orElse(null),
                jobs.organisationsByDomain());
        BlockingQueue<CompletableFuture<Batch>> queue =
                new ArrayBlockingQueue<>(config.checkThreads() + config.writeConnections());
        Future<?> reading = readers.submit(() -> read(job, file, check, queue));
        try (OrderedWrites writes = new OrderedWrites(writing, config.writeConnections())) {
            long written = 0;
            while (true) {
                Batch batch = result(queue.take());
                if (batch.last && batch.processedBefore + batch.records != job.totalRows()) {
                    throw new IllegalStateException("The stored file has " + (batch.processedBefore + batch.records)
                            + " rows, the job was accepted with " + job.totalRows());
                }
                if (batch.pending == null) {
                    writes.submit(turn -> write(job, batch, turn));
                } else {
                    // A planned batch matches against what earlier batches committed: it waits for them.
                    writes.drain();
                    write(job, batch, OrderedWrites.Turn.ALONE);
                }
                if (batch.last) {
                    writes.drain();
                    finished(job, file);
                    return;
                }
                if (++written >= maxBatches || Thread.currentThread().isInterrupted()) {
                    writes.drain();
                    return;
                }
            }
        } finally {
            reading.cancel(true);
        }
    }

    private void write(ImportJob job, Batch batch, OrderedWrites.Turn turn) throws Exception {
        try (Connection c = jobs.connection()) {
            BatchWriter.write(c, job.id(), job.mode(), batch, turn, outbox);
        }
    }

    /** Cuts the file into batches from the job's resume point and hands them, in order, to checker threads. */
    private void read(ImportJob job, Path file, RowCheck check, BlockingQueue<CompletableFuture<Batch>> queue) {
        try (FileChannel channel = FileChannel.open(file)) {
            channel.position(job.resumeOffset());
            InputStream in = Channels.newInputStream(channel);
            CsvReader reader = new CsvReader(in, job.resumeOffset(), job.resumeLine());
            long processed = job.processedRows();
            int size = config.batchSize();
            boolean last = false;
            while (!last) {
                List<CsvReader.Record> records = new ArrayList<>(size);
                CsvReader.Record r;
                while (records.size() < size && (r = reader.next()) != null) {
                    records.add(r);
                }
                last = records.size() < size;
                long before = processed;
                long endOffset = reader.offset();
                long endLine = reader.line();
                boolean isLast = last;
                processed += records.size();
                queue.put(CompletableFuture.supplyAsync(() -> render(job, check, records, before, endOffset, endLine, isLast),
                        checkers));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | CsvReader.FormatException | RuntimeException e) {
            try {
                queue.put(CompletableFuture.failedFuture(e));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Batch render(ImportJob job, RowCheck check, List<CsvReader.Record> records, long before, long endOffset,
            long endLine, boolean last) {
        Batch.Builder builder = new Batch.Builder(changeWriter, job, check.plansAtWrite(job.mode()));
        for (CsvReader.Record r : records) {
            builder.add(check.check(r), r.line());
        }
        return builder.build(before, endOffset, endLine, last);
    }

    private void finished(ImportJob job, Path file) {
        LOG.infof("Import %s completed: %d rows", job.id(), job.totalRows());
        if (!config.keepFiles()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf(e, "Import %s: could not delete %s", job.id(), file);
            }
        }
    }

    private static Batch result(CompletableFuture<Batch> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
