package org.hotline.intake;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hotline.dedup.CityProfile;
import org.hotline.dedup.DedupIndex;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.DedupRecord;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.InMemoryDedupIndex;
import org.hotline.dedup.MerchantAliases;
import org.hotline.dedup.RecentFilings;
import org.hotline.dedup.grievance.GrievanceClassifier;
import org.hotline.dedup.hazelcast.HazelcastDedupIndex;
import org.hotline.dedup.hazelcast.HazelcastMerchantAliases;
import org.hotline.intake.board.BoardService;
import org.hotline.intake.board.BoardStore;
import org.hotline.intake.cluster.ClusterSetup;
import org.hotline.intake.cluster.SettingsCheck;
import org.hotline.intake.config.ChannelKey;
import org.hotline.intake.config.GatewayConfig;
import org.hotline.intake.config.HttpOptions;
import org.hotline.intake.config.LimitOptions;
import org.hotline.intake.cpu.CorePinning;
import org.hotline.intake.http.AdmissionControl;
import org.hotline.intake.http.ApiVerticle;
import org.hotline.intake.http.Authenticator;
import org.hotline.intake.http.Draining;
import org.hotline.intake.http.MetricsEndpoint;
import org.hotline.intake.http.QueueRoutes;
import org.hotline.intake.http.QueueRoutesFactory;
import org.hotline.intake.pipeline.CommitTracker;
import org.hotline.intake.pipeline.GroupPlaces;
import org.hotline.intake.pipeline.InFlightKeys;
import org.hotline.intake.pipeline.IntakeObserver;
import org.hotline.intake.pipeline.IntakeService;
import org.hotline.intake.pipeline.Judge;
import org.hotline.intake.pipeline.Placement;
import org.hotline.intake.privacy.DataKeys;
import org.hotline.intake.privacy.PrivacyJobs;
import org.hotline.intake.privacy.RecordSealer;
import org.hotline.intake.queue.QueueMetricsStore;
import org.hotline.intake.queue.QueueNotifier;
import org.hotline.intake.queue.QueueService;
import org.hotline.intake.queue.QueueStore;
import org.hotline.intake.routing.Route;
import org.hotline.intake.routing.Routing;
import org.hotline.intake.routing.RoutingInput;
import org.hotline.intake.sla.SlaService;
import org.hotline.intake.store.ComplaintStore;
import org.hotline.intake.store.Durability;
import org.hotline.intake.store.EmbeddedDatabase;
import org.hotline.intake.store.GroupCommitWriter;
import org.hotline.intake.store.Migrations;
import org.hotline.intake.store.PgUrl;
import org.hotline.intake.store.Pools;
import org.hotline.intake.store.ResponseDeadline;
import org.hotline.intake.telemetry.Telemetry;
import org.hotline.intake.telemetry.VertxMetricsSetup;
import org.hotline.intake.validation.ComplaintParser;
import org.hotline.intake.verdict.DedupBootstrap;
import org.hotline.intake.verdict.DedupService;
import org.hotline.intake.verdict.LinkRepair;
import org.hotline.metrics.GatewayMeters;
import org.hotline.metrics.OverloadMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: database (embedded or external), schema, Vert.x and the API verticles. Start
 * and stop are called from a plain thread (main, a shutdown hook, a test), never an event loop.
 */
public final class Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  private static final long STOP_TIMEOUT_SECONDS = 60;
  private static final long SWEEP_INTERVAL_MS = 10 * 60 * 1000;

  private final Vertx vertx;
  private final Pools pools;
  private final EmbeddedDatabase embedded;
  private final Draining draining;
  private final List<String> deployments;
  private final int port;
  private final String pgUrl;
  private final QueueNotifier notifier;
  private final BoardService board;
  private final ComplaintStore store;
  private final CorePinning pinning;

  private Gateway(
      Vertx vertx,
      Pools pools,
      EmbeddedDatabase embedded,
      Draining draining,
      List<String> deployments,
      int port,
      String pgUrl,
      QueueNotifier notifier,
      BoardService board,
      ComplaintStore store,
      CorePinning pinning) {
    this.pinning = pinning;
    this.notifier = notifier;
    this.board = board;
    this.store = store;
    this.vertx = vertx;
    this.pools = pools;
    this.embedded = embedded;
    this.draining = draining;
    this.deployments = deployments;
    this.port = port;
    this.pgUrl = pgUrl;
  }

  /** Starts everything and logs the ready line. Blocking. */
  public static Gateway start(GatewayConfig config) throws Exception {
    config.requireSafeDemo();
    if (config.demoMode()) {
      LOG.warn(
          "DEMO MODE: the public demo keys of CONTRACT.md are active; configure keys in"
              + " INTAKE_CONFIG before real use; listening on {} only",
          HttpOptions.LOOPBACK);
    }
    EmbeddedDatabase embedded = null;
    String pgUrl = config.pgUrl();
    if (pgUrl == null || pgUrl.isBlank()) {
      embedded =
          EmbeddedDatabase.start(config.dataDir().toAbsolutePath().normalize().resolve("pg"));
      pgUrl = embedded.url();
    }
    try {
      List<String> unsafe =
          Durability.check(PgUrl.parse(pgUrl), config.database().allowUnsafeDurability());
      if (!unsafe.isEmpty()) {
        LOG.warn("UNSAFE DURABILITY allowed by configuration: {}", String.join("; ", unsafe));
      }
      Migrations.migrate(pgUrl);
      return startVertx(config, pgUrl, embedded);
    } catch (Exception e) {
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  /**
   * The identity secret, the merchant aliases and the index, rebuilt from the database. In cluster
   * mode the index and the aliases are shared Hazelcast maps, rebuilt only by the first node to
   * find the index empty.
   */
  private static DedupService startDedup(
      GatewayConfig config, PgUrl url, Vertx vertx, CityProfile city) throws Exception {
    byte[] secret = DedupBootstrap.identitySecret(url, config.dedupSecret());
    GrievanceClassifier grievances = DedupBootstrap.grievances();
    // The grievances a person has one of with a shop at a time come from the taxonomy.
    DedupOptions options =
        config
            .dedup()
            .withOneMatter(grievances.taxonomy().oneMatter())
            .withKin(grievances.taxonomy().kin())
            .withUndated(grievances.taxonomy().undated())
            .withPractice(grievances.taxonomy().practice());
    DedupIndex index;
    MerchantAliases aliases;
    if (config.clustered()) {
      HazelcastInstance hazelcast =
          ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager())
              .getHazelcastInstance();
      index =
          new HazelcastDedupIndex(
              hazelcast,
              options,
              HazelcastDedupIndex.DEFAULT_MAP_NAME,
              dedupMaxBlocks(config.limits()));
      aliases =
          new HazelcastMerchantAliases(
              hazelcast, options, HazelcastMerchantAliases.DEFAULT_MAP_NAME);
    } else {
      index = new InMemoryDedupIndex(options, dedupMaxEntries(config.limits()));
      LOG.info("dedup index holds at most {} entries", ((InMemoryDedupIndex) index).maxEntries());
      aliases = MerchantAliases.inMemory(Fingerprinter.DEFAULT_MAX_ALIASES);
    }
    Fingerprinter fingerprinter =
        new Fingerprinter(secret, city, aliases, grievances.taxonomy().siteBound());
    RecentFilings recent = new RecentFilings(options, fingerprinter::placeOpening);
    DedupBootstrap.rebuild(
        url, index, fingerprinter, recent, index.size() == 0, options, Instant.now());
    // One fingerprint now, on this thread: class loading and table set-up of the text pipeline
    // must not land on an event loop with the first request.
    fingerprinter.fingerprint(
        new DedupRecord(
            UUID.randomUUID(),
            Instant.now(),
            "13800000000",
            null,
            "厦门市思明区预热商行有限公司（中山路店）",
            null,
            "厦门市思明区中山路1号",
            null,
            "来电人反映在该店消费，多收费用１００元，要求退款。",
            java.math.BigDecimal.TEN,
            null));
    return new DedupService(
        fingerprinter,
        grievances,
        index,
        recent,
        config.clustered() ? config.clusterOptions().callTimeoutMs() : 0);
  }

  /** The configured cap on the single-node index's entries, or the one derived from the heap. */
  private static int dedupMaxEntries(LimitOptions limits) {
    return limits.dedupMaxEntries() > 0
        ? limits.dedupMaxEntries()
        : InMemoryDedupIndex.defaultMaxEntries(Runtime.getRuntime().maxMemory());
  }

  /** The configured cap on the blocks each member owns in cluster mode, or one from the heap. */
  private static int dedupMaxBlocks(LimitOptions limits) {
    return limits.dedupMaxEntries() > 0
        ? limits.dedupMaxEntries()
        : HazelcastDedupIndex.defaultMaxBlocksPerMember(Runtime.getRuntime().maxMemory());
  }

  /**
   * Drops in-memory blocks nobody has touched within the window. Blocks that get traffic prune
   * themselves; this catches the quiet ones. It walks the whole map, so it runs on a worker.
   */
  private static void scheduleSweep(Vertx vertx, DedupIndex index) {
    if (index instanceof InMemoryDedupIndex memory) {
      vertx.setPeriodic(
          SWEEP_INTERVAL_MS,
          id ->
              vertx.executeBlocking(
                  () -> {
                    memory.sweep(Instant.now());
                    return null;
                  }));
    }
  }

  /**
   * Every second, lost leases go back to their queues (or are parked after too many attempts);
   * every minute the SLA sweeper marks open items past due as breached. Both stop once the drain
   * starts: the pool closes soon after, and a round against a closed pool would only log a failure
   * on every clean shutdown.
   */
  private static void scheduleQueueUpkeep(
      Vertx vertx,
      QueueStore store,
      int maxAttempts,
      Telemetry telemetry,
      QueueMetricsStore metricsStore,
      Draining draining) {
    vertx.setPeriodic(
        1000,
        id -> {
          if (!draining.started()) {
            store
                .expireLeases(maxAttempts)
                .onSuccess(
                    r -> {
                      if (r.parked() > 0) {
                        LOG.warn(
                            "{} queue items parked as stuck after {} attempts",
                            r.parked(),
                            maxAttempts);
                      }
                    })
                .onFailure(e -> LOG.warn("lease expiry failed: {}", e.getClass().getName()));
          }
        });
    vertx.setPeriodic(
        60_000,
        id -> {
          if (!draining.started()) {
            telemetry
                .sweep(metricsStore)
                .onFailure(e -> LOG.warn("SLA sweep failed: {}", e.getClass().getName()));
          }
        });
  }

  /** Vert.x with its HTTP, pool and JVM meters on the gateway's registry. */
  private static Vertx createVertx(
      GatewayConfig config, VertxOptions options, MeterRegistry registry) throws Exception {
    options.setMetricsOptions(VertxMetricsSetup.options());
    MicrometerMetricsFactory metrics = new MicrometerMetricsFactory(registry);
    if (!config.clustered()) {
      return Vertx.builder().with(options).withMetrics(metrics).build();
    }
    LOG.info("joining cluster {} on port {}", config.cluster(), config.clusterPort());
    return await(
        Vertx.builder()
            .with(options)
            .withMetrics(metrics)
            .withClusterManager(
                ClusterSetup.clusterManager(
                    config.cluster(),
                    config.clusterPort(),
                    config.dedup(),
                    dedupMaxBlocks(config.limits()),
                    config.clusterOptions()))
            .buildClustered());
  }

  private static Gateway startVertx(GatewayConfig config, String pgUrl, EmbeddedDatabase embedded)
      throws Exception {
    // Before Vert.x: the first database connection (the LISTEN one, the pools) allocates on an
    // event loop, and it was there that JFR's metadata loaded, 200-380 ms on a slow machine.
    warmUpNetty();
    PrometheusMeterRegistry registry = GatewayMeters.prometheus();
    Vertx vertx = createVertx(config, vertxOptions(config), registry);
    CorePinning pinning = CorePinning.none();
    try {
      // The city's file: routing, and the area code and place names for phones and merchant keys.
      Routing routing = Routing.xiamen();
      PgUrl url = PgUrl.parse(pgUrl);
      DedupService dedup = startDedup(config, url, vertx, routing.cityProfile());
      // Read when scraped: nothing is counted on the request path.
      FunctionCounter.builder("intake.dedup.local.judgements", dedup, DedupService::localJudgements)
          .description(
              "Records judged locally as new matters: the cluster gave no dedup decision within"
                  + " cluster_call_timeout_ms")
          .register(registry);
      // The data keys, checked against the keys the stored records name (JDBC, before the port).
      RecordSealer sealer = new RecordSealer(DataKeys.load(url, config.privacy()));
      sealer.warmUp();
      scheduleSweep(vertx, dedup.index());
      int loops = config.http().eventLoops(); // one API verticle, and one writer, on each
      // Before the pools connect: their backends are started on the server's cores.
      pinning = config.http().pinCores() ? CorePinning.start(url, loops) : CorePinning.none();
      CorePinning cores = pinning;
      Pools pools = Pools.create(vertx, pgUrl, loops, config);
      // Queue and operator work (claims, views, upkeep, the board) has a pool of its own: a
      // saturated intake must never hold up a claim.
      Pool pool = pools.queue();
      PgConnectOptions listen = PgConnectOptions.fromUri(pgUrl);
      listen.setMetricsName("listen"); // its client_namespace in the vertx_sql_* meters
      QueueNotifier notifier = await(QueueNotifier.start(vertx, listen));
      SlaService sla = SlaService.bundled();
      warmUp(sla, routing);
      Telemetry telemetry =
          Telemetry.bind(
              registry, config, sla, queueCodes(routing), ApiVerticle.PROBLEM_TYPES, loops);
      await(telemetry.start(vertx, pool, sla, loops, clusterWindowDays(config)));
      AdmissionControl admission = admission(config, vertx, telemetry, dedup);
      if (config.clustered()) {
        checkSettings(config, url, vertx, telemetry);
      }
      Authenticator authenticator = new Authenticator(config.keys(), Clock.systemUTC());
      QueueStore queueStore = new QueueStore(pool, sealer);
      Draining draining = new Draining();
      scheduleQueueUpkeep(
          vertx,
          queueStore,
          config.queueMaxAttempts(),
          telemetry,
          new QueueMetricsStore(vertx, pool),
          draining);
      HttpOptions http = config.http().withHost(config.bindHost());
      // Instances share a port only when they name the same one, so port 0 is resolved first.
      int port = config.httpPort() == 0 ? freePort() : config.httpPort();
      long dbTimeout = config.database().responseTimeoutMs();
      ComplaintStore store =
          new ComplaintStore(
              pools.intake(),
              new ResponseDeadline(vertx, pools.intake(), dbTimeout),
              new ResponseDeadline(vertx, pools.queue(), dbTimeout),
              sealer);
      FunctionCounter.builder(
              "intake.group.district.failures", store, ComplaintStore::groupDistrictFailures)
          .description(
              "Group members without a place of their own sent to triage because their group's"
                  + " district could not be read")
          .register(registry);
      // Built once: the in-flight keys and the commit tracker must be shared by every instance.
      Function<GroupCommitWriter, IntakeService> intake =
          intake(
              dedup,
              new LinkRepair(
                  vertx,
                  pool,
                  dedup,
                  LinkRepair.delayFor(
                      Math.max(
                          config.database().responseTimeoutMs(),
                          config.database().statementTimeoutMs()),
                      TimeUnit.SECONDS.toMillis(config.http().requestTimeoutSeconds()),
                      config.clustered() ? config.clusterOptions().callTimeoutMs() : 0)),
              routing,
              sla,
              sealer,
              telemetry.observer(),
              store::groupDistrict);
      MetricsEndpoint metrics = new MetricsEndpoint(registry, telemetry::queuesRefreshed);
      QueueService queueService =
          new QueueService(vertx, pool, sealer, sla, routing, dedup::unlinked);
      QueueRoutesFactory queues = v -> new QueueRoutes(queueService, authenticator, draining);
      BoardService board = startBoard(vertx, pool, config, sla, routing);
      List<String> deployments =
          deployApi(
              vertx,
              () ->
                  new ApiVerticle(
                      authenticator,
                      store,
                      config.writer(),
                      intake,
                      queues,
                      draining,
                      board,
                      port,
                      telemetry.meters(),
                      metrics,
                      http,
                      admission,
                      cores),
              loops);
      deployments.add(await(vertx.deployVerticle(PrivacyJobs.of(url, sealer, config.privacy()))));
      LOG.info("intake-gateway ready on port {}", port);
      return new Gateway(
          vertx,
          pools,
          embedded,
          draining,
          deployments,
          port,
          pgUrl,
          notifier,
          board,
          store,
          pinning);
    } catch (Exception e) {
      await(vertx.close());
      pinning.close();
      throw e;
    }
  }

  /**
   * The connection cap and the channels' buckets, shared by every API instance; in a cluster the
   * buckets follow the membership (each node enforces its share). The meters learn where the
   * single-node dedup index keeps its counts.
   */
  private static AdmissionControl admission(
      GatewayConfig config, Vertx vertx, Telemetry telemetry, DedupService dedup) {
    OverloadMeters meters = telemetry.meters().overload();
    if (dedup.index() instanceof InMemoryDedupIndex memory) {
      meters.watchDedupIndex(memory::size, memory::evictions);
    } else if (dedup.index() instanceof HazelcastDedupIndex shared) {
      meters.watchDedupIndex(shared::localBlocks, shared::evictions);
    }
    AdmissionControl admission = AdmissionControl.of(config.limits(), config.channels(), meters);
    if (config.clustered()) {
      com.hazelcast.core.HazelcastInstance hazelcast =
          ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager())
              .getHazelcastInstance();
      ClusterSetup.shareRates(hazelcast, admission.channels());
      meters.watchClusterMembers(() -> hazelcast.getCluster().getMembers().size());
    }
    return admission;
  }

  /**
   * Publishes what this node's verdicts and answers depend on and compares it with the other
   * members' (cluster/SettingsCheck), counted in {@code intake_cluster_settings_differ}.
   */
  private static void checkSettings(
      GatewayConfig config, PgUrl url, Vertx vertx, Telemetry telemetry) throws Exception {
    List<String> keys = new ArrayList<>();
    for (ChannelKey k : config.keys()) {
      keys.add(k.key() + "|" + k.channel() + "|" + k.operator() + "|" + k.hmacSecrets());
    }
    SettingsCheck check =
        SettingsCheck.start(
            ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager())
                .getHazelcastInstance(),
            SettingsCheck.digests(
                config.dedup().toString(),
                DedupBootstrap.identitySecret(url, config.dedupSecret()),
                keys));
    telemetry.meters().overload().watchClusterSettings(check::differing);
  }

  /**
   * The status board's snapshots: the first is taken before the port opens, so the board never
   * shows an empty page; then a timer refreshes them.
   */
  private static BoardService startBoard(
      Vertx vertx, Pool pool, GatewayConfig config, SlaService sla, Routing routing)
      throws Exception {
    BoardService board =
        new BoardService(
            vertx,
            new BoardStore(vertx, pool),
            config.board(),
            sla.calendar(),
            routing.districtNames(),
            config.dedup().clusterWindow(),
            Clock.systemUTC(),
            System::nanoTime);
    await(board.start());
    return board;
  }

  /** Every queue a record can be in: the districts, triage and transfer. */
  private static List<String> queueCodes(Routing routing) {
    List<String> queues = new ArrayList<>(routing.districts());
    queues.add(Route.TRIAGE);
    queues.add(Route.TRANSFER);
    return queues;
  }

  private static int clusterWindowDays(GatewayConfig config) {
    return (int) Math.max(1, config.dedup().clusterWindow().toDays());
  }

  private static VertxOptions vertxOptions(GatewayConfig config) {
    return new VertxOptions()
        .setMaxEventLoopExecuteTime(config.maxEventLoopMs())
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setBlockedThreadCheckInterval(Math.max(10, Math.min(1000, config.maxEventLoopMs() / 2)))
        .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        // A blocked loop logs where it is stuck at once: the warning is only useful with it.
        .setWarningExceptionTime(config.maxEventLoopMs())
        .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
  }

  /**
   * Like the fingerprint warm-up: the first use of routing and the SLA policy (class loading, table
   * set-up) happens on this thread, not on an event loop with the first request.
   */
  private static void warmUp(SlaService sla, Routing routing) {
    sla.atIntake("complaint", "12345", java.time.OffsetDateTime.now());
    sla.atRiskCutoff();
    sla.onAccept(java.time.OffsetDateTime.now(), java.time.OffsetDateTime.now());
    routing.route(new RoutingInput("complaint", "餐饮服务", null, "厦门市思明区中山路88号", null, "预热商行", "预热"));
  }

  /**
   * Netty's pooled allocator loads its classes and registers JFR event classes on first use:
   * hundreds of milliseconds on a busy machine, which would otherwise land on the event loop of the
   * first database query.
   */
  private static void warmUpNetty() {
    ClassLoader loader = io.netty.buffer.ByteBufAllocator.class.getClassLoader();
    for (String event :
        List.of(
            "AllocateChunkEvent",
            "AllocateBufferEvent",
            "ReallocateBufferEvent",
            "FreeBufferEvent",
            "FreeChunkEvent",
            "ReturnChunkEvent")) {
      try {
        Class.forName("io.netty.buffer." + event, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // Another Netty version: nothing to warm up.
      }
    }
    // On a thread of the kind event loops run on, so the allocator takes their code path.
    Thread t =
        new io.netty.util.concurrent.FastThreadLocalThread(
            () -> {
              for (int size : new int[] {64, 1024, 16 * 1024, 128 * 1024}) {
                io.netty.buffer.ByteBufAllocator.DEFAULT.directBuffer(size).release();
                io.netty.buffer.ByteBufAllocator.DEFAULT.heapBuffer(size).release();
              }
            });
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The intake pipeline: its thread-safe parts are shared by every event loop, and each API
   * instance gets its own service around the writer it owns.
   */
  private static Function<GroupCommitWriter, IntakeService> intake(
      DedupService dedup,
      LinkRepair repair,
      Routing routing,
      SlaService sla,
      RecordSealer sealer,
      IntakeObserver observer,
      GroupPlaces groups) {
    ComplaintParser parser = new ComplaintParser(Clock.systemUTC(), routing.phoneNumbers());
    Judge judge = Judge.of(dedup, repair);
    Placement placement = new Placement(routing, sla);
    InFlightKeys inFlight = new InFlightKeys();
    CommitTracker commits = new CommitTracker();
    return writer ->
        new IntakeService(
            parser, judge, placement, inFlight, commits, writer, sealer, observer, groups);
  }

  /**
   * One API verticle per event loop, all on one port: {@code http.event_loops} of them (half the
   * cores by default, {@link HttpOptions#defaultEventLoops}).
   */
  private static List<String> deployApi(Vertx vertx, Supplier<ApiVerticle> verticle, int loops)
      throws Exception {
    List<String> deployments = new ArrayList<>();
    deployments.add(
        await(vertx.deployVerticle(verticle, new DeploymentOptions().setInstances(loops))));
    return deployments;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  /** The database URL in use (the embedded server's when none was configured). */
  public String pgUrl() {
    return pgUrl;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The database pools: intake's, and the one for queue and operator work. */
  public Pools pools() {
    return pools;
  }

  /**
   * The first step of {@link #stop}: from now on readiness is 503 and new requests are refused,
   * while those already taken are finished.
   */
  public void startDraining() {
    LOG.info("intake-gateway stopping: draining requests in flight");
    draining.start();
  }

  /**
   * Graceful stop: refuse new requests, commit and answer those already taken, close the port, then
   * the pool, Vert.x and the embedded database. Blocking.
   */
  public void stop() throws Exception {
    startDraining();
    board.stop();
    List<Future<Void>> undeploys = new ArrayList<>();
    for (String id : deployments) {
      undeploys.add(vertx.undeploy(id));
    }
    try {
      await(Future.join(undeploys));
    } finally {
      try {
        // The writers are drained: the wake-ups of their last batches go before the pool closes.
        await(store.flushWakeUps().eventually(notifier::close).eventually(pools::close));
      } finally {
        // Not chained on the pool's future: that one completes on an event loop that close() stops.
        await(vertx.close());
        pinning.close();
      }
      if (embedded != null) {
        closeEmbedded();
      }
      LOG.info("intake-gateway stopped");
    }
  }

  private void closeEmbedded() {
    try {
      embedded.close();
    } catch (IOException e) {
      LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future
        .toCompletionStage()
        .toCompletableFuture()
        .get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
