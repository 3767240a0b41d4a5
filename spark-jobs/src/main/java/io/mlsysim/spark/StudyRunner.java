package io.mlsysim.spark;

import io.mlsysim.dse.SourceRow;
import io.mlsysim.dse.StudyPlan;
import io.mlsysim.zoo.Zoo;
import java.io.PrintWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Runs a compiled study on a Spark session: the driver hands out index ranges, executors decode
 * and evaluate their candidates with the broadcast plan, results go to a Delta table, the frontier is
 * computed as a distributed skyline, and the run is committed atomically with its provenance
 * (see {@link Tables}).
 */
public final class StudyRunner {
  private final SparkSession spark;
  private final PrintWriter progress;
  private StudyProgress.Pace pace = StudyProgress.Pace.forStderr();

  /** @param progress where progress lines go (stderr in the CLI), or null for silence */
  public StudyRunner(SparkSession spark, PrintWriter progress) {
    this.spark = spark;
    this.progress = progress;
  }

  /** When progress lines go out (default: by whether stderr is a terminal, see {@link StudyProgress.Pace}). */
  StudyRunner pace(StudyProgress.Pace pace) {
    this.pace = pace;
    return this;
  }

  /** Options of one run. */
  /**
   * Options of one run.
   *
   * @param catalog a database to register the tables in (see {@link CatalogTables}), or null for
   *     the spec's {@code output.catalog}, if any
   */
  public record Options(String outputRoot, String runId, int partitions, String catalog) {
    public Options(String outputRoot, String runId, int partitions) {
      this(outputRoot, runId, partitions, null);
    }
  }

  /** What a run did, and how its frontier moved since the study's previous run. */
  public record Summary(String study, String runId, String outputRoot, long candidates, long rows,
      Map<String, Long> statusCounts, long frontierRows, double seconds, double evaluateSeconds,
      String inputsFingerprint, FrontierChanges.Movement movement, Dataset<Row> frontier) {}

  /** A fresh run id: UTC time plus a random suffix. */
  public static String newRunId() {
    return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
        + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
  }

  /**
   * Runs the study. A second run with the same run id under the same root while this one runs
   * is refused (see {@link RunLock}). A run that fails before its commit leaves no visible trace:
   * its rows carry a commit id no runs row names, and the study's next run drops them.
   */
  public Summary run(StudyPlan plan, Zoo zoo, Options options) {
    String runId = options.runId() == null ? newRunId() : options.runId();
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    ParquetLayout.refuse(conf, options.outputRoot());
    try (RunLock lock = RunLock.acquire(conf, options.outputRoot(), plan.name(), runId)) {
      // Taken the run lock first, then looked for a vacuum (which does the reverse): one of the two sees the other.
      if (RunLock.mayBeHeld(conf, RunLock.vacuumPath(options.outputRoot()))) {
        throw new IllegalArgumentException("a study vacuum is going on under " + options.outputRoot()
            + "; run the study when it has ended");
      }
      return run(plan, zoo, options, runId, newCommitId());
    }
  }

  /** A fresh commit id: UTC time to the microsecond plus a random suffix, so ids sort by time. */
  static String newCommitId() {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSSSS'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
        + "_" + String.format("%08x", ThreadLocalRandom.current().nextInt());
  }

  private Summary run(StudyPlan plan, Zoo zoo, Options options, String runId, String commitId) {
    long started = System.nanoTime();
    Instant startedAt = Instant.now();
    String root = options.outputRoot();
    String study = plan.name();
    boolean evolutionary = plan.strategy() == null;
    long count = evolutionary ? (long) plan.strategySpec().population() * plan.strategySpec().generations()
        : plan.strategy().count();
    int slices = options.partitions() > 0 ? options.partitions()
        : plan.partitions() > 0 ? plan.partitions()
        : (int) Math.min(10_000, Math.max(spark.sparkContext().defaultParallelism() * 2L, (count + 999_999) / 1_000_000));
    slices = (int) Math.max(1, Math.min(slices, count));

    // 1. Evaluate and append the results under this attempt's commit id (not yet visible).
    boolean[] max = new boolean[plan.objectiveCount()];
    for (int i = 0; i < max.length; i++) {
      max[i] = plan.maximize(i);
    }
    SliceSummaries summaries = null;
    if (evolutionary) {
      evolve(plan, root, runId, commitId);
    } else {
      summaries = new SliceSummaries();
      spark.sparkContext().register(summaries, "slice summaries");
      StudyProgress watch = progress == null ? null
          : new StudyProgress(spark.sparkContext(), study, count, slices, progress, pace);
      boolean completed = false;
      try {
        Tables.append(candidates(plan, count, slices, true, 0, watch == null ? null : watch.counter(),
            summaries, SliceSummaries.Spec.of(StudyRows.schema(plan), plan.objectiveNames(), max)), root,
            Tables.RESULTS, study, runId, commitId);
        completed = true;
      } finally {
        if (watch != null) {
          watch.finish(completed);
        }
      }
    }
    double evaluateSeconds = (System.nanoTime() - started) / 1e9;

    // 2. Counts and frontier: from what the slices saw, else from the attempt's rows.
    Tally tally = summaries != null && summaries.complete(slices) ? Tally.of(spark, summaries, plan, max)
        : Tally.read(spark, Tables.readAttempt(spark, root, Tables.RESULTS, study, runId, commitId)
            .drop(Tables.STUDY, Tables.RUN_ID), plan, max);
    Map<String, Long> counts = tally.counts();
    long rows = counts.values().stream().mapToLong(Long::longValue).sum();
    long frontierRows = tally.frontier().size();
    // the frontier as a local table: what the run appends, compares and prints, with no read-back
    Dataset<Row> frontier = spark.createDataFrame(tally.frontier(), tally.frontierSchema());
    FrontierChanges.Result changes = frontierChanges(plan, root, runId, frontier);
    FrontierChanges.Movement movement = changes.movement();

    // 3. The small tables, appended side by side: each is its own Delta table and transaction.
    Faults.pauseAt("publish");
    appendAll(root, study, runId, commitId, Map.of(
        Tables.FRONTIER, frontier.coalesce(1),
        Tables.SOURCES, sources(plan).coalesce(1),
        Tables.COLUMNS, ColumnsTable.of(spark, plan).coalesce(1),
        Tables.FRONTIER_CHANGES, changes.toDataset(spark).coalesce(1)));
    String fingerprint = InputsFingerprint.of(plan, zoo);
    double seconds = (System.nanoTime() - started) / 1e9;

    // 4. The commit: the runs row replaces the run id's previous one; then orphan attempts go.
    Faults.pauseAt("commit");
    Tables.commit(runRow(plan, zoo, count, rows, counts, frontierRows, fingerprint, movement, startedAt, seconds,
        commitId, changes.rows().size()).coalesce(1), root, study, runId, commitId);
    Faults.pauseAt("withdraw");
    Orphans.drop(spark, root, study, runId);
    String catalog = options.catalog() != null ? options.catalog() : plan.catalog();
    if (catalog != null) {
      CatalogTables.register(spark, catalog, root);
      if (progress != null) {
        progress.printf("%s: tables registered as %s.results, %s.committed_results …%s%n", study, catalog, catalog,
            CatalogTables.inMemory(spark) ? " in this session's in-memory catalog (no metastore configured), "
                + "so only until it ends" : "");
      }
    }
    if (progress != null) {
      progress.printf("%s: run %s done: %,d rows (%s) in %.1f s%s%n", study, runId, rows, counts, seconds,
          count > rows ? String.format("; %,d of %,d candidates fall outside the study's conditions", count - rows, count)
              : "");
      progress.flush();
    }
    return new Summary(study, runId, root, count, rows, counts, frontierRows, seconds, evaluateSeconds,
        fingerprint, movement, frontier);
  }

  /**
   * frontier_changes: this attempt's frontier against the latest committed run of the study by
   * start time (not this run id, which a re-run may be replacing).
   */
  private FrontierChanges.Result frontierChanges(StudyPlan plan, String root, String runId, Dataset<Row> frontier) {
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    FrontierChanges.Snapshot previous = RunHistory.latest(conf, root, plan.name(), runId)
        .map(p -> FrontierChanges.committed(spark, root, p)).orElse(null);
    FrontierChanges.Snapshot next = FrontierChanges.Snapshot.of(frontier, runId, plan.objectiveNames());
    FrontierChanges.Result changes = FrontierChanges.compare(previous, next);
    if (progress != null) {
      progress.printf("%s: %s%n", plan.name(), changes.movement().describe());
      progress.flush();
    }
    return changes;
  }

  /**
   * Appends several small tables at once, one thread each: a small Delta append is mostly the
   * driver waiting (planning, the log write), so side by side they take about as long as one.
   */
  private void appendAll(String root, String study, String runId, String commitId, Map<String, Dataset<Row>> tables) {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(tables.size(), r -> {
      Thread t = new Thread(r, "mlsysim-append");
      t.setDaemon(true);
      return t;
    });
    try {
      List<java.util.concurrent.Future<?>> appends = new ArrayList<>();
      for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
        appends.add(pool.submit(() -> Tables.append(t.getValue(), root, t.getKey(), study, runId, commitId)));
      }
      for (java.util.concurrent.Future<?> a : appends) {
        a.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while appending the run's tables", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A run's rows per status and its frontier rows (with their schema). */
  record Tally(Map<String, Long> counts, List<Row> frontier, StructType frontierSchema) {
    /** From the slices' summaries: no table is read. */
    static Tally of(SparkSession spark, SliceSummaries s, StudyPlan plan, boolean[] max) {
      StructType schema = StudyRows.schema(plan);
      long[] c = s.counts();
      Map<String, Long> counts = new LinkedHashMap<>();
      for (int i = 0; i < c.length; i++) {
        counts.put(SliceSummaries.STATUSES.get(i), c[i]);
      }
      return new Tally(counts, Frontier.ranked(s.layers(schema), schema, plan.objectiveNames(), max, Frontier.LAYERS),
          Frontier.withRank(schema));
    }

    /** From the rows as written (an evolutionary run, or summaries that do not add up). */
    static Tally read(SparkSession spark, Dataset<Row> written, StudyPlan plan, boolean[] max) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String s : SliceSummaries.STATUSES) {
        counts.put(s, 0L);
      }
      for (Row r : written.groupBy("status").count().collectAsList()) {
        counts.put(r.getString(0), r.getLong(1));
      }
      Dataset<Row> frontier = Frontier.compute(spark, written, plan.objectiveNames(), max, Frontier.LAYERS);
      return new Tally(counts, frontier.collectAsList(), frontier.schema());
    }
  }

  /**
   * NSGA-II: jMetal breeds and selects on the driver; every generation is evaluated on the
   * executors like any index range, appended to the results with its generation number, and
   * its objectives come back to the driver for selection.
   */
  private void evolve(StudyPlan plan, String root, String runId, String commitId) {
    int generations = plan.strategySpec().generations();
    int parallelism = spark.sparkContext().defaultParallelism();
    List<String> cols = new ArrayList<>(List.of("candidate_id", "status"));
    cols.addAll(plan.objectiveNames());
    long started = System.nanoTime();
    io.mlsysim.dse.Nsga2Strategy.run(plan, (idx, generation) -> {
      StudyPlan gen = plan.withStrategy(io.mlsysim.dse.Nsga2Strategy.indices(plan.space(), idx,
          plan.strategySpec().seed()));
      Dataset<Row> rows = candidates(gen, idx.length, Math.max(1, Math.min(idx.length, parallelism)), true, generation)
          .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
      try {
        Tables.append(rows, root, Tables.RESULTS, plan.name(), runId, commitId);
        Map<Long, double[]> ok = new java.util.HashMap<>();
        for (Row r : rows.selectExpr(cols.toArray(new String[0])).collectAsList()) {
          if ("ok".equals(r.getString(1))) {
            double[] o = new double[plan.objectiveCount()];
            for (int k = 0; k < o.length; k++) {
              double v = ((Number) r.get(2 + k)).doubleValue(); // a count objective is a long column
              o[k] = plan.maximize(k) ? -v : v;
            }
            ok.put(r.getLong(0), o);
          }
        }
        double[][] out = new double[idx.length][];
        io.mlsysim.dse.Candidate c = plan.space().newCandidate();
        for (int i = 0; i < idx.length; i++) {
          plan.space().decode(idx[i], c);
          out[i] = ok.get(io.mlsysim.dse.CandidateIds.of(plan.space(), c));
        }
        if (progress != null) {
          double secs = (System.nanoTime() - started) / 1e9;
          progress.printf("%s: generation %d/%d (%.0f%%), %d candidates, %d ok, %s elapsed, ETA %s%n", plan.name(),
              generation + 1, generations, 100.0 * (generation + 1) / generations, idx.length, ok.size(),
              ProgressLine.duration(secs), ProgressLine.duration(secs / (generation + 1) * (generations - generation - 1)));
          progress.flush();
        }
        return out;
      } finally {
        rows.unpersist();
      }
    });
  }

  /** The candidates [0, count) split into {@code slices} index ranges, evaluated (or placeholders). */
  public Dataset<Row> candidates(StudyPlan plan, long count, int slices, boolean evaluate) {
    return candidates(plan, count, slices, evaluate, 0);
  }

  /** As {@link #candidates(StudyPlan, long, int, boolean)}, tagging rows with a generation. */
  public Dataset<Row> candidates(StudyPlan plan, long count, int slices, boolean evaluate, int generation) {
    return candidates(plan, count, slices, evaluate, generation, null);
  }

  private Dataset<Row> candidates(StudyPlan plan, long count, int slices, boolean evaluate, int generation,
      org.apache.spark.util.LongAccumulator counter) {
    return candidates(plan, count, slices, evaluate, generation, counter, null, null);
  }

  /**
   * As above, adding one to {@code counter} (when not null) per candidate evaluated, and each
   * slice's summary to {@code summaries} (when not null).
   */
  private Dataset<Row> candidates(StudyPlan plan, long count, int slices, boolean evaluate, int generation,
      org.apache.spark.util.LongAccumulator counter, SliceSummaries summaries, SliceSummaries.Spec spec) {
    Broadcast<StudyPlan> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(plan);
    StructType schema = StudyRows.schema(plan);
    List<Long> ids = new ArrayList<>(slices);
    for (long k = 0; k < slices; k++) {
      ids.add(k);
    }
    org.apache.spark.rdd.RDD<org.apache.spark.sql.catalyst.InternalRow> rdd = JavaSparkContext
        .fromSparkContext(spark.sparkContext()).parallelize(ids, slices)
        .mapPartitions(new Evaluate(bc, count, slices, evaluate, generation, counter, summaries, spec)).rdd();
    // Rows are built in Spark's internal form (no per-row encoder); the session's internal
    // factory is public in bytecode though Scala-private to Spark's own packages.
    Dataset<Row> rows = ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(rdd, schema, false);
    // Make sure the units reach the table schema as column metadata.
    org.apache.spark.sql.Column[] cols = new org.apache.spark.sql.Column[schema.size()];
    for (int i = 0; i < cols.length; i++) {
      StructField f = schema.fields()[i];
      cols[i] = rows.col(f.name()).as(f.name(), f.metadata());
    }
    return rows.select(cols);
  }

  /** Executor side: one index range per slice. */
  static final class Evaluate
      implements org.apache.spark.api.java.function.FlatMapFunction<Iterator<Long>, org.apache.spark.sql.catalyst.InternalRow> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<StudyPlan> plan;
    private final long count;
    private final int slices;
    private final boolean evaluate;
    private final int generation;
    private final org.apache.spark.util.LongAccumulator counter;
    private final SliceSummaries summaries;
    private final SliceSummaries.Spec spec;

    Evaluate(Broadcast<StudyPlan> plan, long count, int slices, boolean evaluate, int generation,
        org.apache.spark.util.LongAccumulator counter, SliceSummaries summaries, SliceSummaries.Spec spec) {
      this.plan = plan;
      this.count = count;
      this.slices = slices;
      this.evaluate = evaluate;
      this.generation = generation;
      this.counter = counter;
      this.summaries = summaries;
      this.spec = spec;
    }

    @Override
    public Iterator<org.apache.spark.sql.catalyst.InternalRow> call(Iterator<Long> input) {
      if (!input.hasNext()) {
        return java.util.Collections.emptyIterator();
      }
      long slice = input.next();
      if (slice == 1) {
        Faults.pauseAt("evaluate"); // a Ctrl-C test stops here, slice 0 evaluated, until its task is interrupted
      }
      long from = Math.multiplyHigh(slice, count) == 0 ? slice * count / slices : bigSplit(slice);
      long to = Math.multiplyHigh(slice + 1, count) == 0 ? (slice + 1) * count / slices : bigSplit(slice + 1);
      Iterator<org.apache.spark.sql.catalyst.InternalRow> rows = StudyRows.rows(plan.value(), from, to, generation,
          evaluate);
      if (summaries != null) {
        rows = summaries.watch(slice, spec, Frontier.LAYERS, rows);
      }
      return new Counted(rows, counter, org.apache.spark.TaskContext.get());
    }

    private long bigSplit(long k) {
      return java.math.BigInteger.valueOf(k).multiply(java.math.BigInteger.valueOf(count))
          .divide(java.math.BigInteger.valueOf(slices)).longValueExact();
    }
  }

  private Dataset<Row> sources(StudyPlan plan) {
    StructType schema = DataTypes.createStructType(new StructField[] {
        DataTypes.createStructField("kind", DataTypes.StringType, false),
        DataTypes.createStructField("name", DataTypes.StringType, false),
        DataTypes.createStructField("origin", DataTypes.StringType, true),
        DataTypes.createStructField("source_id", DataTypes.StringType, true),
        DataTypes.createStructField("source_kind", DataTypes.StringType, true),
        DataTypes.createStructField("reference", DataTypes.StringType, true),
        DataTypes.createStructField("url", DataTypes.StringType, true),
        DataTypes.createStructField("verified", DataTypes.StringType, true),
        DataTypes.createStructField("notes", DataTypes.StringType, true)});
    List<Row> rows = new ArrayList<>();
    for (SourceRow s : plan.sources()) {
      rows.add(RowFactory.create(s.kind(), s.name(), s.origin(), s.sourceId(), s.sourceKind(), s.reference(), s.url(),
          s.verified(), s.notes()));
    }
    return spark.createDataFrame(rows, schema);
  }

  private Dataset<Row> runRow(StudyPlan plan, Zoo zoo, long count, long rows, Map<String, Long> counts,
      long frontierRows, String fingerprint, FrontierChanges.Movement movement, Instant startedAt, double seconds,
      String commitId, long frontierChangesRows) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("spec_origin", plan.origin());
    r.put("spec_text", plan.specText());
    r.put("spec_sha256", plan.specSha256());
    r.put("engine_version", BuildInfo.version());
    r.put("git_commit", BuildInfo.gitCommit());
    r.put("zoo_digest", zoo.digest());
    r.put("zoo_overlays", String.join(",", zoo.overlays()));
    r.put("resolvers", InputsFingerprint.resolvers(plan));
    r.put("spark_version", spark.version());
    r.put("spark_master", spark.sparkContext().master());
    r.put("executors", (long) Math.max(1, spark.sparkContext().getExecutorMemoryStatus().size() - 1));
    r.put("default_parallelism", (long) spark.sparkContext().defaultParallelism());
    r.put("strategy", plan.strategyKind());
    r.put("seed", InputsFingerprint.seed(plan));
    r.put("space_size", plan.space().size());
    r.put("candidates", count);
    r.put("rows", rows);
    r.put("ok", counts.get("ok"));
    r.put("infeasible", counts.get("infeasible"));
    r.put("constraint_violated", counts.get("constraint_violated"));
    r.put("error", counts.get("error"));
    r.put("frontier_rows", frontierRows);
    r.put("objectives", String.join(",", plan.objectiveNames()));
    r.put("started_at", Timestamp.from(startedAt));
    r.put("ended_at", Timestamp.from(Instant.now()));
    r.put("wall_seconds", seconds);
    r.put("inputs_fingerprint", fingerprint);
    r.put("previous_run_id", movement.previousRunId());
    r.put("frontier_added", movement.added());
    r.put("frontier_removed", movement.removed());
    r.put("frontier_kept", movement.kept());
    r.put("commit_id", commitId);
    r.put("sources_rows", (long) plan.sources().size());
    r.put("frontier_changes_rows", frontierChangesRows);
    List<StructField> fields = new ArrayList<>();
    for (Map.Entry<String, Object> e : r.entrySet()) {
      Object v = e.getValue();
      fields.add(DataTypes.createStructField(e.getKey(), v instanceof Long ? DataTypes.LongType
          : v instanceof Double ? DataTypes.DoubleType : v instanceof Timestamp ? DataTypes.TimestampType
          : DataTypes.StringType, true));
    }
    return spark.createDataFrame(List.of(RowFactory.create(r.values().toArray())), DataTypes.createStructType(fields));
  }

  /**
   * Rows as they are evaluated: each counted once (for {@link StudyProgress}, when a counter is
   * given), and a cancelled task (Ctrl-C) stops within a few hundred candidates instead of
   * finishing its slice.
   */
  private static final class Counted implements Iterator<org.apache.spark.sql.catalyst.InternalRow> {
    private final Iterator<org.apache.spark.sql.catalyst.InternalRow> rows;
    private final org.apache.spark.util.LongAccumulator counter;
    private final org.apache.spark.TaskContext task;
    private long n;

    Counted(Iterator<org.apache.spark.sql.catalyst.InternalRow> rows, org.apache.spark.util.LongAccumulator counter,
        org.apache.spark.TaskContext task) {
      this.rows = rows;
      this.counter = counter;
      this.task = task;
    }

    @Override
    public boolean hasNext() {
      if ((n & 255) == 0 && task != null) {
        task.killTaskIfInterrupted();
      }
      return rows.hasNext();
    }

    @Override
    public org.apache.spark.sql.catalyst.InternalRow next() {
      org.apache.spark.sql.catalyst.InternalRow r = rows.next();
      n++;
      if (counter != null) {
        counter.add(1);
      }
      return r;
    }
  }
}
