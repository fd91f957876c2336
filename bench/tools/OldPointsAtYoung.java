/**
 * A known case for bench/tools/OldToYoung.java (bench/tools/selftest): an array made old by a full
 * collection, then given new objects, held while the heap is dumped.
 */
public final class OldPointsAtYoung {
  static final Marker[] OLD = new Marker[4096];

  /** What the old array holds: a class of its own, so the walk's row is this case's alone. */
  static final class Marker {
    final int at;

    Marker(int at) {
      this.at = at;
    }
  }

  public static void main(String[] args) throws Exception {
    System.gc(); // OLD is in the old generation from here on
    for (int i = 0; i < OLD.length; i += 64) {
      OLD[i] = new Marker(i); // 64 new objects, one every 256 bytes of the array
    }
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(60_000);
  }
}
