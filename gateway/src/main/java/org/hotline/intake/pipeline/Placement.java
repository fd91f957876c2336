package org.hotline.intake.pipeline;

import org.hotline.intake.routing.Route;
import org.hotline.intake.routing.Routing;
import org.hotline.intake.routing.RoutingInput;
import org.hotline.intake.sla.SlaService;
import org.hotline.intake.validation.IntakeRequest;
import org.hotline.intake.verdict.Verdict;

/**
 * Route and deadlines: where a judged record is queued and when it is due. Pure and thread-safe; a
 * duplicate keeps no queue and no deadlines of its own (its original's clock runs).
 */
public final class Placement {
  private final Routing routing;
  private final SlaService sla;

  public Placement(Routing routing, SlaService sla) {
    this.routing = routing;
    this.sla = sla;
  }

  /** The verdict, routed and with its intake deadlines. */
  public Verdict place(String channel, IntakeRequest request, Verdict verdict) {
    return place(channel, request, verdict, route(request));
  }

  /** Where the record goes. */
  public Route route(IntakeRequest request) {
    return routing.route(RoutingInput.from(request));
  }

  /** The verdict, sent where {@code route} says and with its intake deadlines. */
  public Verdict place(String channel, IntakeRequest request, Verdict verdict, Route route) {
    return verdict
        .routed(route.district(), route.queue(), route.transferTo())
        .withDeadlines(sla.atIntake(request.type().wire(), channel, request.receivedAt()));
  }
}
