package org.hotline.intake.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.intake.config.WriterOptions;
import org.hotline.intake.queue.QueueService;
import org.hotline.intake.routing.Routing;
import org.hotline.intake.sla.SlaService;
import org.hotline.intake.store.ComplaintStore;
import org.hotline.intake.validation.ComplaintParser;
import org.hotline.intake.verdict.DedupService;

/**
 * What every API verticle instance shares: thread-safe parts built once at start-up, the set of
 * idempotency keys being written on this node, and the draining flag set on shutdown.
 */
public final class ApiServices {
  private final ComplaintParser parser;
  private final Authenticator authenticator;
  private final ComplaintStore store;
  private final WriterOptions writerOptions;
  private final DedupService dedup;
  private QueueService queues;
  private Routing routing = Routing.xiamen();
  private SlaService sla;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean draining;

  public ApiServices(
      ComplaintParser parser,
      Authenticator authenticator,
      ComplaintStore store,
      WriterOptions writerOptions,
      DedupService dedup) {
    this.parser = parser;
    this.authenticator = authenticator;
    this.store = store;
    this.writerOptions = writerOptions;
    this.dedup = dedup;
  }

  public ComplaintParser parser() {
    return parser;
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public ComplaintStore store() {
    return store;
  }

  public ApiServices withQueues(QueueService service) {
    this.queues = service;
    return this;
  }

  QueueService queues() {
    return queues;
  }

  public ApiServices withRouting(Routing r) {
    this.routing = r;
    return this;
  }

  public ApiServices withSla(SlaService s) {
    this.sla = s;
    return this;
  }

  public Routing routing() {
    return routing;
  }

  public SlaService sla() {
    return sla;
  }

  public DedupService dedup() {
    return dedup;
  }

  public WriterOptions writerOptions() {
    return writerOptions;
  }

  /** Claims an idempotency key for this request; false when another request holds it. */
  boolean claim(String key) {
    return inFlight.add(key);
  }

  void release(String key) {
    inFlight.remove(key);
  }

  public boolean draining() {
    return draining;
  }

  /** From now on new requests are refused with 503 while those already taken are finished. */
  public void startDraining() {
    draining = true;
  }
}
