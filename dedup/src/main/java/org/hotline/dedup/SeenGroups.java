package org.hotline.dedup;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The groups this node's verdicts formed, with the members each was seen with, so that one storm
 * the index holds as two groups under two keys becomes one when a person's filing shows they are
 * one: the person filed under the shop's sign (鹭岛数码专营店, in the sign's group) and files again under
 * its registered company's name (厦门鹭岛优品电子商务有限公司), joining the group there ({@link RecentFilings}'
 * stand-in). The index decides under one key at a time and never sees both; here the second group
 * takes the first one's members ({@link #absorb}), and later verdicts of the second group count
 * them ({@link #clustered}). A group also takes a storm's founder left alone under another spelling
 * ({@code lone} of {@link #clustered}); and a group the index founds under another key with a
 * member of a group seen here (the founder's key, or the first group's) is reported as that group,
 * for its first verdict and every later one (an alias).
 *
 * <p>Node-local soft state, bounded like the rest of {@link RecentFilings}, each group's members at
 * {@value #MAX_MEMBERS} (a storm of thousands brings that many into the other group, and counts
 * that many); a rebuild puts back which group each stored first filing is in ({@link #restored}).
 * Two groups of one storm under two spellings of the shop ({@code 渔歌海鲜大排档}, and {@code 渔歌海鲜} where
 * two other matters that week made a shop of its own) become one when a filing joins one and its
 * spelling would have followed the other's ({@code others} of {@link #clustered}).
 */
final class SeenGroups {
  static final int MAX_MEMBERS = 256;

  /** Merges beyond which an alias is not followed further: a storm is merged once or twice. */
  private static final int MAX_HOPS = 4;

  /** A group seen: the key it formed under, its members, and how many it took from others. */
  private static final class Group {
    final String key;
    final Set<UUID> members = new LinkedHashSet<>();
    int absorbed;
    int lastSize;

    Group(String key) {
      this.key = key;
    }
  }

  /**
   * A stand-in's verdict with the members of the group its original was in, and the key of that
   * group (null when it formed under the stand-in's own key, or there was none): the key whose
   * filings of the storm's grievance should now follow the stand-in's.
   */
  record Absorbed(DedupVerdict verdict, String from) {}

  private final ConcurrentHashMap<UUID, UUID> groupOf = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<UUID, Group> groups = new ConcurrentHashMap<>();

  /** Groups of the index that are one with another group seen here, and which. */
  private final ConcurrentHashMap<UUID, UUID> aliases = new ConcurrentHashMap<>();

  private final int max;
  private final int escalationThreshold;

  SeenGroups(int max, int escalationThreshold) {
    this.max = max;
    this.escalationThreshold = escalationThreshold;
  }

  /**
   * Notes {@code verdict}, {@code fp}'s joining or founding a group, and brings into it the first
   * filings in {@code lone} that are in no group seen here, and the members of the groups in {@code
   * others} (the storm's groups under other spellings of the shop, which become one with it): the
   * verdict as it stands, or, when its group took members from elsewhere, with them among those it
   * joined with and counted in its size, escalated when that size crosses the threshold.
   */
  DedupVerdict clustered(Fingerprint fp, DedupVerdict verdict, List<UUID> lone, List<UUID> others) {
    UUID cluster = verdict.clusterId();
    UUID target = aliasOf(cluster);
    if (target == null && verdict.clusterSize() == 2) {
      // A group the index founded now with a member of another group here: that group's.
      for (UUID m : verdict.joinedWith()) {
        UUID other = groupOf.get(m);
        if (other != null && !other.equals(cluster)) {
          target = other;
          alias(cluster, other);
          break;
        }
      }
    }
    Group y = target == null ? null : groups.get(target);
    // In the group it is one with, the filing itself is counted here, not by the index.
    boolean elsewhere = y != null;
    UUID into = elsewhere ? target : cluster;
    Group g = elsewhere ? y : group(cluster, fp.blockingKey());
    // The members of the other groups that are one with this one, taken before it is locked.
    Set<UUID> taken = new LinkedHashSet<>();
    for (UUID other : others) {
      UUID o = resolved(other);
      Group x = o == null || o.equals(into) ? null : groups.get(o);
      if (x != null) {
        synchronized (x) {
          taken.addAll(x.members);
        }
        alias(o, into);
      }
    }
    Set<UUID> joined = new LinkedHashSet<>(verdict.joinedWith());
    int size;
    int before;
    synchronized (g) {
      before = elsewhere ? g.lastSize : verdict.clusterSize() - 1 + g.absorbed;
      add(g, into, fp.id());
      for (UUID m : verdict.joinedWith()) {
        add(g, into, m);
      }
      int added = elsewhere ? 1 : 0;
      for (UUID m : lone) {
        if (!groupOf.containsKey(m) && joined.add(m)) {
          add(g, into, m);
          added++;
        }
      }
      for (UUID m : taken) {
        if (!into.equals(groupOf.get(m)) && joined.add(m)) {
          add(g, into, m);
          added++;
        }
      }
      g.absorbed += added;
      size =
          elsewhere
              ? Math.max(g.lastSize + added, verdict.clusterSize())
              : verdict.clusterSize() + g.absorbed;
      g.lastSize = size;
    }
    if (!elsewhere && size == verdict.clusterSize()) {
      return verdict;
    }
    return new DedupVerdict(
        DedupVerdict.Kind.CLUSTERED, null, into, size, crosses(before, size), List.copyOf(joined));
  }

  /** The group record {@code id} is in here, as the group that one is one with; or null. */
  UUID groupOf(UUID id) {
    return resolved(groupOf.get(id));
  }

  /** {@code cluster}, or the group it is one with. */
  private UUID resolved(UUID cluster) {
    if (cluster == null) {
      return null;
    }
    UUID target = aliasOf(cluster);
    return target != null && groups.containsKey(target) ? target : cluster;
  }

  /**
   * {@code duplicate}, a re-filing that carries its original's group as the index holds it: the
   * group that one is one with, when it is an alias here (the index's group is never stored).
   */
  DedupVerdict carried(DedupVerdict duplicate) {
    UUID cluster = duplicate.clusterId();
    UUID target = cluster == null ? null : aliasOf(cluster);
    Group y = target == null ? null : groups.get(target);
    if (y == null) {
      return duplicate;
    }
    int size;
    synchronized (y) {
      size = Math.max(y.lastSize, duplicate.clusterSize());
    }
    return DedupVerdict.duplicateOf(duplicate.duplicateOf(), target, size);
  }

  /** Whether record {@code id} is in a group seen here. */
  boolean grouped(UUID id) {
    return groupOf.containsKey(id);
  }

  /**
   * {@code standIn}, the duplicate of {@code original} that joined a group under {@code fp}'s key
   * and brings the original in: when the original is in another group seen here, its members join
   * this one too, with the storm's other spelling's key to follow.
   */
  Absorbed absorb(Fingerprint fp, UUID original, DedupVerdict standIn) {
    // The group it joined may be one with another already (an alias): then that one, where the
    // original is no member yet and the stand-in counts for nothing.
    UUID aliased = aliasOf(standIn.clusterId());
    boolean elsewhere = aliased != null && groups.containsKey(aliased);
    UUID into = elsewhere ? aliased : standIn.clusterId();
    Group y = group(into, fp.blockingKey());
    UUID from = groupOf.get(original);
    Group x = from == null || from.equals(into) ? null : groups.get(from);
    Set<UUID> taken = new LinkedHashSet<>();
    if (x != null) {
      synchronized (x) {
        taken.addAll(x.members);
      }
    }
    Set<UUID> members = new LinkedHashSet<>(standIn.joinedWith());
    members.addAll(taken);
    int size;
    boolean escalated;
    synchronized (y) {
      int before = elsewhere ? y.lastSize : standIn.clusterSize() - 1 + y.absorbed;
      int added = 0;
      for (UUID m : members) {
        // The index counts the stand-in for its original, and the members it joined with, in its
        // own group; nothing of theirs in a group it is one with.
        boolean counted = !elsewhere && (m.equals(original) || !taken.contains(m));
        if (!counted && !into.equals(groupOf.get(m))) {
          added++;
        }
        add(y, into, m);
      }
      y.absorbed += added;
      size = elsewhere ? y.lastSize + added : standIn.clusterSize() + y.absorbed;
      escalated = elsewhere ? crosses(before, size) : standIn.escalated() || crosses(before, size);
      y.lastSize = Math.max(y.lastSize, size);
    }
    if (x != null) {
      alias(from, into);
    }
    if (!elsewhere && size == standIn.clusterSize()) {
      return new Absorbed(standIn, null);
    }
    DedupVerdict merged =
        new DedupVerdict(
            DedupVerdict.Kind.DUPLICATE, original, into, size, escalated, List.copyOf(members));
    return new Absorbed(merged, x == null || x.key.equals(fp.blockingKey()) ? null : x.key);
  }

  /**
   * A stored first filing {@code id}, held under {@code key}, is a member of group {@code cluster}
   * of stored size {@code size}.
   */
  void restored(UUID id, UUID cluster, String key, int size) {
    Group g = group(cluster, key);
    synchronized (g) {
      add(g, cluster, id);
      g.lastSize = Math.max(g.lastSize, size);
    }
  }

  /** The group {@code cluster} is one with, following a merged group's own merge; or null. */
  private UUID aliasOf(UUID cluster) {
    UUID target = aliases.get(cluster);
    for (int hops = 0; target != null && hops < MAX_HOPS; hops++) {
      UUID next = aliases.get(target);
      if (next == null || next.equals(cluster)) {
        return target;
      }
      target = next;
    }
    return target;
  }

  private void alias(UUID cluster, UUID into) {
    aliases.put(cluster, into);
    if (aliases.size() > max) {
      RecentFilings.evictSome(aliases, max);
    }
  }

  private boolean crosses(int before, int size) {
    return before < escalationThreshold && size >= escalationThreshold;
  }

  private Group group(UUID cluster, String key) {
    Group g = groups.get(cluster);
    if (g == null) {
      g = groups.computeIfAbsent(cluster, c -> new Group(key));
      if (groups.size() > max) {
        RecentFilings.evictSome(groups, max);
      }
    }
    return g;
  }

  private void add(Group g, UUID cluster, UUID member) {
    groupOf.put(member, cluster);
    if (groupOf.size() > max) {
      RecentFilings.evictSome(groupOf, max);
    }
    if (g.members.size() < MAX_MEMBERS) {
      g.members.add(member);
    }
  }
}
