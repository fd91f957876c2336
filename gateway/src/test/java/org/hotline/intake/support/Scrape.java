package org.hotline.intake.support;

import java.util.HashMap;
import java.util.Map;

/** One Prometheus text scrape, as sample → value ({@code name{label="v",…}} as written). */
public final class Scrape {
  private final String text;
  private final Map<String, Double> samples = new HashMap<>();

  public Scrape(String text) {
    this.text = text;
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
  }

  public static Scrape of(TestGateway gw) throws Exception {
    var response = gw.get("/metrics", null);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET /metrics answered " + response.statusCode());
    }
    return new Scrape(response.body());
  }

  public String text() {
    return text;
  }

  /** A sample's value, 0 when absent. */
  public double value(String sample) {
    return samples.getOrDefault(sample, 0.0);
  }

  public boolean has(String sample) {
    return samples.containsKey(sample);
  }
}
