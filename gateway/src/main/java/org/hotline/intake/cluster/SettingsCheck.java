package org.hotline.intake.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when the nodes of one cluster do not share what their verdicts and answers depend on: the
 * dedup settings, the identity secret and the channel keys. Each node publishes a digest of each
 * (never the values: the secret only through an HMAC of a fixed text) in a small map keyed by its
 * member id, and compares its own with every other current member's whenever one is published or a
 * member leaves. A difference is logged once per member and set of parts, and counted in {@link
 * #differing}: with different dedup windows a re-filing is a duplicate on one node and new on the
 * other; with different secrets one person's filings are two people's; with different keys an
 * upstream's retry on another node is stored twice.
 */
public final class SettingsCheck {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsCheck.class);

  static final String MAP = "intake-node-settings";

  private final IMap<String, String> published;
  private final String self;
  private final Map<String, String> mine;
  private final Map<String, Map<String, String>> others = new ConcurrentHashMap<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private volatile int differing;

  private SettingsCheck(HazelcastInstance hazelcast, Map<String, String> mine) {
    this.published = hazelcast.getMap(MAP);
    this.self = hazelcast.getCluster().getLocalMember().getUuid().toString();
    this.mine = Map.copyOf(mine);
  }

  /**
   * Publishes this node's settings and starts comparing. Blocks on the cluster: call it at
   * start-up, off the event loop.
   *
   * @param mine each part's digest, see {@link #digests}
   */
  public static SettingsCheck start(HazelcastInstance hazelcast, Map<String, String> mine) {
    SettingsCheck check = new SettingsCheck(hazelcast, mine);
    check.published.addEntryListener(check.new Published(), true);
    hazelcast
        .getCluster()
        .addMembershipListener(
            new MembershipListener() {
              @Override
              public void memberAdded(MembershipEvent event) {
                // Again for a member that joins (after a split, under a new id, peers removed this
                // node's entry): its own listener then sees this node's settings.
                check.published.putAsync(check.self, encode(check.mine));
              }

              @Override
              public void memberRemoved(MembershipEvent event) {
                String gone = event.getMember().getUuid().toString();
                check.others.remove(gone);
                check.published.removeAsync(gone);
                check.compare();
              }
            });
    check.published.put(check.self, encode(check.mine));
    Set<String> members = new TreeSet<>();
    for (Member m : hazelcast.getCluster().getMembers()) {
      members.add(m.getUuid().toString());
    }
    for (Map.Entry<String, String> e : check.published.entrySet()) {
      if (members.contains(e.getKey()) && !e.getKey().equals(check.self)) {
        check.others.put(e.getKey(), decode(e.getValue()));
      }
    }
    check.compare();
    return check;
  }

  /**
   * The digests of what every node must share.
   *
   * @param dedupSettings the dedup options as text (windows, threshold, one-matter grievances)
   * @param identitySecret the HMAC key of complainant identities
   * @param keys each channel key as {@code key|channel|operator}
   */
  public static Map<String, String> digests(
      String dedupSettings, byte[] identitySecret, List<String> keys) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("dedup settings", sha256(dedupSettings));
    parts.put("dedup identity secret", hmac(identitySecret, "intake-gateway settings check"));
    List<String> hashed = new ArrayList<>();
    for (String k : keys) {
      hashed.add(sha256(k));
    }
    hashed.sort(null);
    parts.put("channel keys", sha256(String.join(",", hashed)));
    return parts;
  }

  /** How many other members publish settings that differ from this node's. */
  public int differing() {
    return differing;
  }

  private synchronized void compare() {
    int n = 0;
    for (Map.Entry<String, Map<String, String>> e : others.entrySet()) {
      Set<String> parts = new TreeSet<>();
      for (Map.Entry<String, String> part : mine.entrySet()) {
        if (!part.getValue().equals(e.getValue().get(part.getKey()))) {
          parts.add(part.getKey());
        }
      }
      if (!parts.isEmpty()) {
        n++;
        if (reported.add(e.getKey() + parts)) {
          LOG.error(
              "member {} of this cluster has other {} than this node: every node must share the"
                  + " keys, dedup.* and INTAKE_DEDUP_SECRET, or verdicts depend on the node a"
                  + " record reached",
              e.getKey(),
              String.join(", ", parts));
        }
      }
    }
    differing = n;
  }

  private final class Published
      implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String> {
    @Override
    public void entryAdded(EntryEvent<String, String> event) {
      seen(event);
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> event) {
      seen(event);
    }

    private void seen(EntryEvent<String, String> event) {
      if (!event.getKey().equals(self) && event.getValue() != null) {
        others.put(event.getKey(), decode(event.getValue()));
        compare();
      }
    }
  }

  private static String encode(Map<String, String> parts) {
    return new TreeMap<>(parts)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(";"));
  }

  private static Map<String, String> decode(String text) {
    Map<String, String> parts = new TreeMap<>();
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return parts;
  }

  private static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
