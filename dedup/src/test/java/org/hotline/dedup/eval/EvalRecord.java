package org.hotline.dedup.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hotline.dedup.DedupRecord;
import org.hotline.dedup.MerchantKeys;
import org.hotline.dedup.grievance.GrievanceClassifier;
import org.hotline.dedup.grievance.Taxonomies;

/** One line of the evaluation set: the ground truth and what the gateway would receive. */
record EvalRecord(
    String recordId,
    Instant receivedAt,
    String channel,
    String personId,
    String matterId,
    String stormId,
    String grievance,
    DedupRecord record) {

  static final String RESOURCE = "/eval/dedup-eval.tsv";

  /** The committed set, or the file named by the system property {@code dedup.eval.file}. */
  static List<EvalRecord> load() throws IOException {
    String file = System.getProperty("dedup.eval.file");
    if (file != null && !file.isBlank()) {
      try (InputStream in = Files.newInputStream(Path.of(file))) {
        return parse(
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
            classifierFor(Path.of(file).getFileName().toString()));
      }
    }
    return load(RESOURCE);
  }

  /** A set on the test class path, for example {@code /eval/independent-a.tsv}. */
  static List<EvalRecord> load(String resource) throws IOException {
    try (InputStream in = EvalRecord.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " not found");
      }
      return parse(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
          classifierFor(resource.substring(resource.lastIndexOf('/') + 1)));
    }
  }

  /**
   * The classifier a set is read with: its grievance model never learnt from the set's own texts
   * (the corpus names each text's set by its file name without {@code .tsv}).
   */
  static GrievanceClassifier classifierFor(String fileName) {
    return Taxonomies.xiamenWithout(fileName.replaceFirst("\\.tsv$", ""));
  }

  private static List<EvalRecord> parse(BufferedReader reader, GrievanceClassifier classifier)
      throws IOException {
    String header = reader.readLine();
    if (!EvalSetGenerator.HEADER.equals(header)) {
      throw new IOException("unexpected header: " + header);
    }
    List<EvalRecord> out = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (!line.isBlank()) {
        out.add(parseLine(line.split("\t", -1), classifier));
      }
    }
    return out;
  }

  private static EvalRecord parseLine(String[] f, GrievanceClassifier classifier) {
    Instant received = OffsetDateTime.parse(f[1]).toInstant();
    UUID id = UUID.nameUUIDFromBytes(f[0].getBytes(StandardCharsets.UTF_8));
    DedupRecord r =
        new DedupRecord(
            id,
            received,
            blank(f[6]),
            blank(f[7]),
            // An empty merchant is named by the text's description of the shop, as intake names it
            // (the gateway's Merchant.nameOrDescription).
            f[8].isEmpty() && f[9].isEmpty() && f[10].isEmpty() && f[11].isEmpty()
                ? MerchantKeys.describedInText(f[12])
                : blank(f[8]),
            blank(f[9]),
            blank(f[10]),
            blank(f[11]),
            f[12],
            f[13].isEmpty() ? null : new BigDecimal(f[13]),
            f[14].isEmpty() ? null : LocalDate.parse(f[14]),
            classifier.classify(blank(f[15]), f[12]));
    return new EvalRecord(f[0], received, f[2], f[3], f[4], blank(f[5]), f[16], r);
  }

  private static String blank(String s) {
    return s.isEmpty() ? null : s;
  }
}
