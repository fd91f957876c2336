package org.hotline.intake.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What {@link Routing#route} promises for any input, checked by the fuzz tests: a route always
 * comes back, it is one of the three shapes {@link Route} allows (a configured district, triage, or
 * a transfer to a configured department), the same input routes the same way, and its reason is
 * built only from tags and configuration names, never from the record's text, so it is safe to log
 * and to use as a metric label.
 */
public final class RouteProperties {
  private static final Pattern TAG = Pattern.compile("[a-z_]+");
  private static final String CONFIGURATION = configurationText();

  private RouteProperties() {}

  /** Routes {@code in} and checks the route. */
  public static Route route(Routing routing, RoutingInput in) {
    Route route = routing.route(in);
    assertThat(route).as("a route for every input").isNotNull();
    switch (route.queue()) {
      case Route.TRIAGE -> {
        assertThat(route.district()).isNull();
        assertThat(route.transferTo()).isNull();
      }
      case Route.TRANSFER -> {
        assertThat(route.district()).isNull();
        assertThat(routing.departments()).contains(route.transferTo());
      }
      default -> {
        assertThat(routing.districts()).contains(route.queue());
        assertThat(route.district()).isEqualTo(route.queue());
        assertThat(route.transferTo()).isNull();
      }
    }
    checkReason(route.reason());
    assertThat(routing.route(in)).as("routing is a function of its input").isEqualTo(route);
    return route;
  }

  private static void checkReason(String reason) {
    assertThat(reason).isNotBlank();
    String[] parts = reason.split(":", -1);
    assertThat(parts[0]).as("reason %s opens with a tag", reason).matches(TAG);
    for (String part : parts) {
      assertThat(TAG.matcher(part).matches() || CONFIGURATION.contains(part))
          .as("reason %s names only tags and configured names", reason)
          .isTrue();
    }
  }

  /** The bundled configuration's text: every name a reason may carry is written in it. */
  private static String configurationText() {
    StringBuilder all = new StringBuilder();
    for (String resource :
        new String[] {Routing.XIAMEN_RESOURCE, "routing/xiamen-townships-2023.csv"}) {
      try (InputStream in = RouteProperties.class.getClassLoader().getResourceAsStream(resource)) {
        all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(resource, e);
      }
    }
    return all.toString();
  }
}
