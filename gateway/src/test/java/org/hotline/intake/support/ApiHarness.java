package org.hotline.intake.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.Pool;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.DedupRecord;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.InMemoryDedupIndex;
import org.hotline.dedup.MerchantAliases;
import org.hotline.dedup.grievance.GrievanceClassifier;
import org.hotline.intake.config.DatabaseOptions;
import org.hotline.intake.config.GatewayConfig;
import org.hotline.intake.config.HttpOptions;
import org.hotline.intake.config.LimitOptions;
import org.hotline.intake.config.WriterOptions;
import org.hotline.intake.cpu.CorePinning;
import org.hotline.intake.http.AdmissionControl;
import org.hotline.intake.http.ApiVerticle;
import org.hotline.intake.http.Authenticator;
import org.hotline.intake.http.Draining;
import org.hotline.intake.pipeline.CommitTracker;
import org.hotline.intake.pipeline.InFlightKeys;
import org.hotline.intake.pipeline.IntakeService;
import org.hotline.intake.pipeline.Judge;
import org.hotline.intake.pipeline.Placement;
import org.hotline.intake.privacy.RecordSealer;
import org.hotline.intake.routing.Routing;
import org.hotline.intake.routing.RoutingInput;
import org.hotline.intake.sla.SlaService;
import org.hotline.intake.store.ComplaintStore;
import org.hotline.intake.store.ResponseDeadline;
import org.hotline.intake.validation.ComplaintParser;
import org.hotline.intake.verdict.DedupBootstrap;
import org.hotline.intake.verdict.DedupService;
import org.hotline.metrics.GatewayMeters;

/**
 * The complaint API assembled by hand on the shared database, one verticle, its own dedup index,
 * with a seam around the verdict step: what constructor wiring allows a test to do.
 */
public final class ApiHarness {
  private ApiHarness() {}

  /** Starts the API with {@code seam} wrapped around the real verdict step. */
  public static TestGateway start(UnaryOperator<Judge> seam) throws Exception {
    long maxMs = BlockedThreadGuard.maxEventLoopMs();
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setMaxEventLoopExecuteTime(maxMs)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(Math.max(10, maxMs / 2))
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setWarningExceptionTime(maxMs)
                .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS));
    Pool pool = SharedDatabase.pool(vertx);
    RecordSealer sealer = SharedDatabase.sealer();
    ComplaintStore store =
        new ComplaintStore(
            pool,
            new ResponseDeadline(vertx, pool, DatabaseOptions.DEFAULT_RESPONSE_TIMEOUT_MS),
            sealer);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    Routing routing = Routing.xiamen();
    GrievanceClassifier grievances = DedupBootstrap.grievances();
    Fingerprinter fingerprinter =
        new Fingerprinter(
            secret,
            routing.cityProfile(),
            MerchantAliases.inMemory(Fingerprinter.DEFAULT_MAX_ALIASES),
            grievances.taxonomy().siteBound());
    DedupService dedup =
        new DedupService(
            fingerprinter, grievances, new InMemoryDedupIndex(DedupOptions.defaults()));
    SlaService sla = SlaService.bundled();
    warmUp(fingerprinter, routing, sla);
    ComplaintParser parser = new ComplaintParser(Clock.systemUTC(), routing.phoneNumbers());
    Judge judge = seam.apply(Judge.of(dedup, null));
    Placement placement = new Placement(routing, sla);
    InFlightKeys inFlight = new InFlightKeys();
    CommitTracker commits = new CommitTracker();
    int port = freePort();
    ApiVerticle api =
        new ApiVerticle(
            new Authenticator(GatewayConfig.DEMO_KEYS, Clock.systemUTC()),
            store,
            WriterOptions.defaults(),
            writer ->
                new IntakeService(parser, judge, placement, inFlight, commits, writer, sealer),
            null,
            new Draining(),
            null,
            port,
            GatewayMeters.detached(),
            null,
            HttpOptions.defaults(),
            AdmissionControl.of(
                LimitOptions.defaults(),
                List.of("phone", "web", "12345"),
                GatewayMeters.detached().overload()),
            CorePinning.none());
    await(vertx.deployVerticle(api));
    return TestGateway.onPort(port, () -> await(vertx.close()));
  }

  /** First use of the text pipeline, routing and policy here, not on the event loop. */
  private static void warmUp(Fingerprinter fingerprinter, Routing routing, SlaService sla) {
    fingerprinter.fingerprint(
        new DedupRecord(
            UUID.randomUUID(),
            Instant.now(),
            "13800000000",
            null,
            "厦门市思明区预热商行有限公司",
            null,
            "厦门市思明区中山路1号",
            null,
            "来电人反映在该店消费，多收费用100元，要求退款。",
            BigDecimal.TEN,
            null));
    routing.route(new RoutingInput("complaint", "餐饮服务", null, "厦门市思明区中山路88号", null, "预热商行", "预热"));
    sla.atIntake("complaint", "phone", OffsetDateTime.now());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
