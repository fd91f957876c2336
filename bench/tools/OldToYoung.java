import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shark.CloseableHeapGraph;
import shark.HeapField;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HprofHeapGraph;
import shark.HprofIndex;

/**
 * Which old objects point at young ones: the references a G1 young pause must find by scanning
 * the old generation's cards (BENCHMARKS.md "Old objects that point at new ones").
 *
 * <p>Reads a heap dump taken without a collection ({@code jcmd PID GC.heap_dump -all FILE}) and the
 * region map G1 printed at the last pause before it ({@code -Xlog:gc+heap+region=trace}): objects in
 * old and humongous regions are old, the rest (eden, survivors, regions free at that pause and
 * filled since) young. Prints, by the field or array that holds them, the references from old to
 * young objects and the 512-byte cards they sit on, with what they point at; a concurrent map's
 * entries are told apart by the class of the value they hold.
 *
 * <pre>java -cp SHARK_CLASS_PATH bench/tools/OldToYoung.java DUMP REGIONS_LOG UPTIME_SECONDS</pre>
 *
 * bench/probe runs it when CARDS is set; the class path comes from bench/tools/pom.xml.
 */
public final class OldToYoung {
  private static final String CHM_NODE = "java.util.concurrent.ConcurrentHashMap$Node";
  private static final int CARD_SHIFT = 9;

  private final HeapGraph graph;
  private final Regions regions;
  private final Map<String, Held> byHolder = new HashMap<>();
  private final Set<Long> cards = new HashSet<>();
  private long references;

  private OldToYoung(HeapGraph graph, Regions regions) {
    this.graph = graph;
    this.regions = regions;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: OldToYoung DUMP REGIONS_LOG UPTIME_SECONDS");
      System.exit(2);
    }
    Regions regions = Regions.read(Path.of(args[1]), Double.parseDouble(args[2]));
    try (CloseableHeapGraph graph =
        HprofHeapGraph.Companion.openHeapGraph(
            Path.of(args[0]).toFile(), null, HprofIndex.Companion.defaultIndexedGcRootTags())) {
      OldToYoung walk = new OldToYoung(graph, regions);
      walk.walk();
      walk.print();
    }
  }

  private void walk() {
    for (Iterator<HeapObject.HeapInstance> it = graph.getInstances().iterator(); it.hasNext(); ) {
      HeapObject.HeapInstance instance = it.next();
      long id = instance.getObjectId();
      if (!regions.old(id)) {
        continue;
      }
      for (Iterator<HeapField> fields = instance.readFields().iterator(); fields.hasNext(); ) {
        HeapField f = fields.next();
        Long target = f.getValue().getAsNonNullObjectId();
        if (target != null && regions.young(target)) {
          // The field's own offset is not in the dump; an instance is small enough that its
          // address names its card.
          note(simple(instance.getInstanceClassName()) + "." + f.getName(), id, target);
        }
      }
    }
    for (Iterator<HeapObject.HeapObjectArray> it = graph.getObjectArrays().iterator();
        it.hasNext(); ) {
      HeapObject.HeapObjectArray array = it.next();
      long id = array.getObjectId();
      if (!regions.old(id)) {
        continue;
      }
      long[] elements = array.readRecord().getElementIds();
      String holder = simple(array.getArrayClassName());
      for (int i = 0; i < elements.length; i++) {
        if (elements[i] != 0 && regions.young(elements[i])) {
          // Compressed references after a 16-byte header.
          note(holder, id + 16 + 4L * i, elements[i]);
        }
      }
    }
  }

  private void note(String holder, long slot, long target) {
    references++;
    cards.add(slot >>> CARD_SHIFT);
    Held h = byHolder.computeIfAbsent(holder, k -> new Held());
    h.references++;
    h.cards.add(slot >>> CARD_SHIFT);
    h.targets.merge(describe(target), 1, Integer::sum);
  }

  /** The class of what {@code id} is, and for a map entry the class of the value it holds. */
  private String describe(long id) {
    HeapObject o = graph.findObjectByIdOrNull(id);
    String name = className(o);
    if (o instanceof HeapObject.HeapInstance && CHM_NODE.equals(name)) {
      HeapField val = ((HeapObject.HeapInstance) o).readField(CHM_NODE, "val");
      Long v = val == null ? null : val.getValue().getAsNonNullObjectId();
      return "entry holding " + (v == null ? "null" : simple(className(graph.findObjectByIdOrNull(v))));
    }
    return simple(name);
  }

  private static String className(HeapObject o) {
    if (o instanceof HeapObject.HeapInstance) {
      return ((HeapObject.HeapInstance) o).getInstanceClassName();
    } else if (o instanceof HeapObject.HeapObjectArray) {
      return ((HeapObject.HeapObjectArray) o).getArrayClassName();
    } else if (o instanceof HeapObject.HeapPrimitiveArray) {
      return ((HeapObject.HeapPrimitiveArray) o).getArrayClassName();
    } else if (o instanceof HeapObject.HeapClass) {
      return "class " + ((HeapObject.HeapClass) o).getName();
    }
    return "(not in the dump)";
  }

  private static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private void print() {
    System.out.printf(
        "old-to-young references at %.1f s (regions as after the pause at %.1f s: %s): %,d"
            + " references on %,d cards%n",
        regions.uptime, regions.printedAt, regions.tally, references, cards.size());
    System.out.printf("%7s %8s  %-48s %s%n", "cards", "refs", "held by", "pointing at (top 3)");
    List<Map.Entry<String, Held>> rows = new ArrayList<>(byHolder.entrySet());
    rows.sort((a, b) -> Integer.compare(b.getValue().cards.size(), a.getValue().cards.size()));
    for (Map.Entry<String, Held> e : rows.subList(0, Math.min(20, rows.size()))) {
      Held h = e.getValue();
      List<Map.Entry<String, Integer>> t = new ArrayList<>(h.targets.entrySet());
      t.sort((a, b) -> b.getValue() - a.getValue());
      StringBuilder top = new StringBuilder();
      for (Map.Entry<String, Integer> x : t.subList(0, Math.min(3, t.size()))) {
        top.append(top.length() == 0 ? "" : ", ").append(x.getKey()).append(' ').append(x.getValue());
      }
      System.out.printf("%7d %8d  %-48s %s%n", h.cards.size(), h.references, e.getKey(), top);
    }
  }

  private static final class Held {
    long references;
    final Set<Long> cards = new HashSet<>();
    final Map<String, Integer> targets = new HashMap<>();
  }

  /** G1's regions as printed at the last pause before the dump: which addresses are old. */
  private static final class Regions {
    private static final Pattern TIME = Pattern.compile("^\\[(\\d+\\.\\d+)s\\]");
    private static final Pattern REGION =
        Pattern.compile(
            "\\|\\s*(\\d+)\\|0x([0-9a-f]+), 0x[0-9a-f]+, 0x([0-9a-f]+)\\|\\s*\\d+%\\|\\s*(\\w+)\\|");

    double uptime;
    double printedAt;
    long base = Long.MAX_VALUE;
    long size;
    char[] kinds; // 'O' old or humongous, 'Y' young or free at the pause, 0 not committed
    final Map<String, Integer> tally = new TreeMap<>();

    boolean old(long address) {
      return kind(address) == 'O';
    }

    boolean young(long address) {
      return kind(address) == 'Y';
    }

    private char kind(long address) {
      long i = (address - base) / size;
      return address < base || i >= kinds.length ? 0 : kinds[(int) i];
    }

    static Regions read(Path log, double uptime) throws IOException {
      List<String> lines = Files.readAllLines(log);
      Regions r = new Regions();
      r.uptime = uptime;
      int start = -1;
      for (int i = 0; i < lines.size(); i++) {
        Matcher t = TIME.matcher(lines.get(i));
        if (lines.get(i).contains("Heap Regions:") && t.find()) {
          double at = Double.parseDouble(t.group(1));
          if (at <= uptime) {
            start = i;
            r.printedAt = at;
          }
        }
      }
      if (start < 0) {
        throw new IllegalArgumentException(
            log + " has no region map before " + uptime + " s (-Xlog:gc+heap+region=trace?)");
      }
      List<long[]> regions = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (int i = start + 1; i < lines.size(); i++) {
        Matcher m = REGION.matcher(lines.get(i));
        if (!m.find()) {
          break;
        }
        long bottom = Long.parseUnsignedLong(m.group(2), 16);
        long end = Long.parseUnsignedLong(m.group(3), 16);
        regions.add(new long[] {Long.parseLong(m.group(1)), bottom, end});
        types.add(m.group(4));
      }
      if (regions.isEmpty()) {
        throw new IllegalArgumentException(
            log + ": no regions under the map at " + r.printedAt + " s (a G1 log?)");
      }
      r.size = regions.get(0)[2] - regions.get(0)[1];
      int last = 0;
      for (long[] g : regions) {
        r.base = Math.min(r.base, g[1] - g[0] * r.size);
        last = Math.max(last, (int) g[0]);
      }
      r.kinds = new char[last + 1];
      for (int i = 0; i < regions.size(); i++) {
        String type = types.get(i);
        r.tally.merge(type, 1, Integer::sum);
        // O old, HS/HC humongous, OA/CA archive: old. E, S, F: young now (free regions at the
        // pause take the eden allocated since).
        boolean old = type.equals("O") || type.startsWith("H") || type.endsWith("A");
        r.kinds[(int) regions.get(i)[0]] = old ? 'O' : 'Y';
      }
      return r;
    }
  }
}
