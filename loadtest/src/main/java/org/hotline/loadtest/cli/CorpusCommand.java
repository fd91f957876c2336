package org.hotline.loadtest.cli;

import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.hotline.loadtest.ExitStatus;
import org.hotline.loadtest.corpus.Corpus;
import org.hotline.loadtest.corpus.Filing;
import org.hotline.loadtest.schedule.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code corpus}: the seeded corpus with its ground truth as JSONL, for use elsewhere. */
@Command(
    name = "corpus",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Writes the profile's seeded corpus, one filing a line with its ground truth (person,"
          + " matter, grievance, group, district, transfer).",
      "Example: corpus --profile golden-week --count 10000 --seed 7 --out gw.jsonl"
    })
public final class CorpusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--profile",
      required = true,
      description = "steady, golden-week, storm or replay. Example: --profile storm")
  String profile;

  @Option(
      names = "--count",
      required = true,
      description = "Filings to write, 1 or more. Example: --count 10000")
  long count;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Same seed, same corpus. Default ${DEFAULT-VALUE}. Example: --seed 7")
  long seed;

  @Option(
      names = "--out",
      required = true,
      description = "The JSONL file; '-' for stdout. Example: --out gw.jsonl")
  String out;

  @Override
  public Integer call() throws Exception {
    Profile p;
    try {
      p = Profile.parse(profile);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
    }
    if (count < 1) {
      throw new ParameterException(spec.commandLine(), "--count must be 1 or more");
    }
    Corpus corpus = Corpus.sized(p.scenario(), seed, count);
    // Lazy: a million filings are written without being held.
    Iterable<Filing> filings = () -> new Sequence(corpus, count);
    if (out.equals("-")) {
      Writer w = new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8);
      Corpus.writeJsonl(filings, w);
      w.flush();
    } else {
      try (BufferedWriter w = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
        Corpus.writeJsonl(filings, w);
      }
    }
    return ExitStatus.OK;
  }

  /** Filings at evenly spread fractions of the run, as a run of that many arrivals would draw. */
  private static final class Sequence implements Iterator<Filing> {
    private final Corpus corpus;
    private final long count;
    private long i;

    Sequence(Corpus corpus, long count) {
      this.corpus = corpus;
      this.count = count;
    }

    @Override
    public boolean hasNext() {
      return i < count;
    }

    @Override
    public Filing next() {
      if (i >= count) {
        throw new NoSuchElementException();
      }
      return corpus.next(i++ / (double) count);
    }
  }
}
