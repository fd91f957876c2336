package org.hotline.intake.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hotline.intake.routing.NameTrie.Match;

/**
 * Finds matters outside market regulation (物业, 医疗纠纷, 劳动争议…), which are redirected to the competent
 * department instead of a district bureau. The channel's category is trusted first. The content is
 * read only when the category says nothing (absent or generic): an in-scope complaint often
 * mentions a neighbouring matter in passing ("健身房跑路, 教练也被拖欠工资"), and transferring it would be as
 * costly as a wrong district. Rules marked {@code any_category} (a case already before a court) are
 * read from the content whatever market category the record gives, but not when its category names
 * a department itself (劳动争议 with 已申请仲裁 is labour arbitration, 人社's). A word that also opens market
 * regulation's own categories ({@code 医疗} in {@code 医疗器械}) counts only as the whole category.
 */
final class Jurisdiction {
  /** A compiled rule: its name (used in reasons), department and whether content always counts. */
  record Rule(String name, String department, boolean anyCategory) {}

  private final NameTrie<Rule> categories = new NameTrie<>();
  private final NameTrie<Rule> keywords = new NameTrie<>();
  private final Set<String> generic = new HashSet<>();
  private final java.util.Map<String, Rule> whole = new java.util.HashMap<>();
  private final List<PatternRule> patterns = new ArrayList<>();

  /** A keyword that is a regular expression ({@link #PATTERN}) and the rule it belongs to. */
  private record PatternRule(Pattern pattern, Rule rule) {}

  /**
   * Opens a keyword that is a regular expression over the folded text ({@link Normaliser#fold}).
   */
  static final String PATTERN = "re:";

  Jurisdiction(RoutingConfig.JurisdictionTable table) {
    for (String g : table.genericCategories()) {
      generic.add(Normaliser.fold(g));
    }
    for (RoutingConfig.Rule r : table.rules()) {
      if (r.name() == null || r.department() == null) {
        throw new IllegalArgumentException("routing configuration: a rule needs name, department");
      }
      Rule rule = new Rule(r.name(), r.department(), r.anyCategory());
      r.categories().forEach(c -> put(categories, c, rule));
      r.wholeCategories().forEach(c -> whole.put(Normaliser.fold(c), rule));
      for (String k : r.contentKeywords()) {
        if (k.startsWith(PATTERN)) {
          try {
            patterns.add(new PatternRule(Pattern.compile(k.substring(PATTERN.length())), rule));
          } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                "routing configuration: " + k + " is no regular expression: " + e.getDescription());
          }
        } else {
          put(keywords, k, rule);
        }
      }
    }
  }

  /**
   * The transfer for this record, a triage route when the signals name several departments, or null
   * when the matter is market regulation's own. A category field that names a department decides;
   * the text's keywords are read only when it names none.
   */
  Route match(String category, String content) {
    String cat = Normaliser.fold(category);
    List<Rule> hits = new ArrayList<>(2);
    categories.scan(cat).forEach(m -> hits.add(m.value()));
    Rule exactly = whole.get(cat);
    if (exactly != null) {
      hits.add(exactly);
    }
    boolean readAll = cat.isEmpty() || generic.contains(cat);
    // A category that names a department decides: 劳动争议 with "已申请仲裁" in the text is labour
    // arbitration, 人社's (set W), not a tie with the courts and arbitration bodies.
    if (hits.isEmpty() && (keywords.size() > 0 || !patterns.isEmpty()) && content != null) {
      String text = Normaliser.fold(content);
      for (Match<Rule> m : keywords.scan(text)) {
        if ((readAll || m.value().anyCategory())
            && !landmark(text, m.end())
            && !ofOthers(text, m.start())) {
          hits.add(m.value());
        }
      }
      for (PatternRule p : patterns) {
        if ((readAll || p.rule().anyCategory()) && found(text, p.pattern())) {
          hits.add(p.rule());
        }
      }
    }
    if (hits.isEmpty()) {
      return null;
    }
    Rule first = hits.get(0);
    for (Rule r : hits) {
      if (!r.department().equals(first.department())) {
        return Route.triage("ambiguous:jurisdiction");
      }
    }
    return Route.transfer(first.department(), "jurisdiction:" + first.name());
  }

  /** Whether {@code pattern} matches in {@code text}, not said of others ({@link #ofOthers}). */
  private static boolean found(String text, Pattern pattern) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (!ofOthers(text, m.start()) && !landmark(text, m.end())) {
        return true;
      }
    }
    return false;
  }

  /** Words after a place that make it a landmark: 物业公司旁边的水果店 is a fruit stall. */
  private static final List<String> NEAR = List.of("旁边", "附近", "对面", "楼下", "隔壁", "边上");

  /**
   * Whether the keyword ending at {@code end} names where something else is, not the matter: it is
   * followed, after an optional 的, by a word of nearness (物业公司旁边的水果店, 物业公司的对面). Not 门口: 物业公司门口停车收费
   * is the property company's own charge.
   */
  private static boolean landmark(String text, int end) {
    int at = text.startsWith("的", end) ? end + 1 : end;
    for (String near : NEAR) {
      if (text.startsWith(near, at)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What others also suffer, just before a keyword: 他们也被欠薪 is the staff's wages, told by a member
   * of the gym that closed.
   */
  private static final List<String> OTHERS_TOO = List.of("他们也被", "她们也被", "他们都被", "她们都被");

  /**
   * Whether the keyword starting at {@code start} is said of other people who suffer it too
   * (教练说他们也被 欠薪, 老师说她们都被拖欠工资): a member of a closed gym telling what the staff said, whose own
   * matter is the balance the gym kept (sets Q and AE, two authors). Not 他们 alone: a call centre's
   * summary says 他们公司拖欠其工资 of the caller's own employer.
   */
  private static boolean ofOthers(String text, int start) {
    for (String others : OTHERS_TOO) {
      if (start >= others.length() && text.startsWith(others, start - others.length())) {
        return true;
      }
    }
    return false;
  }

  private static void put(NameTrie<Rule> trie, String name, Rule rule) {
    Rule old = trie.put(Normaliser.fold(name), rule);
    if (old != null && !old.equals(rule)) {
      throw new IllegalArgumentException("routing configuration: " + name + " is in two rules");
    }
  }
}
