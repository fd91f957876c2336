package org.hotline.intake.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hotline.intake.config.DataKey;
import org.hotline.intake.privacy.FieldCipher;
import org.hotline.intake.privacy.RecordSealer;
import org.hotline.intake.privacy.TextMasker;

/**
 * What personal-data protection costs per record on an event loop: sealing the complainant's phone
 * and ID number as intake writes a record (against encoding the record alone, which intake did
 * before), opening them as a store reads it, and masking every number in an operator's view. Not a
 * test: run it by hand with
 *
 * <pre>
 * ./mvnw -q -pl gateway -am test-compile -DskipTests
 * ./mvnw -q -pl gateway exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.hotline.intake.bench.PersonalDataCost -Dexec.args="200000"
 * </pre>
 *
 * Argument: operations per measurement (five rounds; the first ones warm the JIT up). Each round
 * also prints the bytes the thread allocated a seal: what intake's record costs the collector.
 */
public final class PersonalDataCost {
  private PersonalDataCost() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    byte[] key = new byte[DataKey.SECRET_BYTES];
    new SecureRandom().nextBytes(key);
    RecordSealer sealer = new RecordSealer(new FieldCipher(List.of(new DataKey("k1", key))));
    ObjectNode record =
        (ObjectNode)
            new ObjectMapper()
                .readTree(
                    """
                    {"source_id": "TEL20261002-0001", "type": "complaint",
                     "received_at": "2026-10-02T09:30:00+08:00",
                     "complainant": {"name": "张三", "phone": "13812345678",
                                     "id_number": "11010519491231002X",
                                     "address": "厦门市思明区中山路1号"},
                     "merchant": {"name": "厦门鹭江海鲜大排档有限公司",
                                  "address": "厦门市思明区中山路88号"},
                     "content": "来电人（13812345678）反映在该店消费海鲜，结账时按斤两虚高计价，多收费用约300元，要求退还。",
                     "amount": 300, "channel_ref": {"ticket": "A-1", "agent": 7}}
                    """);
    UUID id = UUID.randomUUID();
    JsonObject stored = new JsonObject(sealer.seal(id, record));
    JsonObject opened = sealer.open(id, stored);
    for (int round = 1; round <= 5; round++) {
      long sink = 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sink += record.toString().length();
      }
      long t1 = System.nanoTime();
      long a1 = allocated();
      for (int i = 0; i < n; i++) {
        sink += sealer.seal(id, record).length();
      }
      long sealBytes = (allocated() - a1) / n;
      long t2 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sink += sealer.open(id, stored).size();
      }
      long t3 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sink += TextMasker.maskAll(opened, Set.of()).size();
      }
      long t4 = System.nanoTime();
      System.out.printf(
          "round %d: encode %.2f us, seal and encode %.2f us (%d bytes allocated), open %.2f us,"
              + " mask %.2f us (%d)%n",
          round,
          (t1 - t0) / 1e3 / n,
          (t2 - t1) / 1e3 / n,
          sealBytes,
          (t3 - t2) / 1e3 / n,
          (t4 - t3) / 1e3 / n,
          sink);
    }
  }

  /** The bytes this thread has allocated so far (HotSpot's per-thread counter). */
  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
