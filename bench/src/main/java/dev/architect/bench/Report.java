package dev.architect.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Prints a JMH JSON result file ({@code -rf json}) as one Markdown table per benchmark group, with the
 * contenders side by side and how the subject compares with each anchor.
 *
 * <p>Benchmark methods are named {@code group_contender}; the contenders of a group are those methods
 * of one class sharing the group prefix and the same {@code @Param} values (two classes may both
 * have a {@code readAll} group: they stay apart). Their order and the
 * subject come from {@link Contenders} on the benchmark class. Ratios are computed on medians (robust
 * to a noisy neighbour on a shared machine); "within error" means the two 99.9% confidence intervals
 * overlap. Allocation figures appear when the run used {@code -prof gc}.
 *
 * <p>Usage: {@code java -cp architect-bench.jar dev.architect.bench.Report RESULT.json}. Exit status 2
 * for a usage error, 1 if the file cannot be read or parsed.
 */
public final class Report {
  /** Above this error/mean ratio a result is flagged as noisy. */
  private static final double NOISY = 0.2;

  private Report() {}

  public static void main(String[] args) {
    if (args.length != 1 || args[0].startsWith("-")) {
      System.err.println("usage: Report RESULT.json (a JMH result written with -rf json)");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("report: cannot read " + file + ": " + e);
      System.exit(1);
      return;
    }
    try {
      print(Json.parse(text), System.out);
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      System.err.println("report: " + file + " is not a JMH json result: "
          + (e.getMessage() != null ? e.getMessage() : e.toString()));
      System.exit(1);
    }
  }

  /** One benchmark's figures. {@code alloc} is NaN without {@code -prof gc}. */
  private record Row(String contender, String mode, String unit, double median, double mean,
      double error, double low, double high, double alloc) {

    boolean lowerIsBetter() {
      return !mode.equals("thrpt");
    }
  }

  /** The contenders of one group, and the class that declares them. */
  private record Group(String name, Class<?> type, String className, List<Row> rows) {}

  static void print(Object json, PrintStream out) {
    List<?> results = (List<?>) json;
    if (results.isEmpty()) {
      out.println("(no benchmark results)");
      return;
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    for (Object item : results) {
      Map<?, ?> result = (Map<?, ?>) item;
      String benchmark = (String) result.get("benchmark");
      int dot = benchmark.lastIndexOf('.');
      String className = benchmark.substring(0, dot);
      String method = benchmark.substring(dot + 1);
      int underscore = method.indexOf('_');
      String group = underscore < 0 ? method : method.substring(0, underscore);
      String contender = underscore < 0 ? method : method.substring(underscore + 1);
      String params = params(result.get("params"));
      String label = params.isEmpty() ? group : group + " (" + params + ")";
      Group g = groups.computeIfAbsent(className + "/" + label,
          k -> new Group(label, load(className), className, new ArrayList<>()));
      g.rows().add(row(contender, result));
    }
    out.println(settings((Map<?, ?>) results.getFirst()));
    for (Group group : groups.values()) {
      out.println();
      printGroup(group, out);
    }
  }

  private static Row row(String contender, Map<?, ?> result) {
    Map<?, ?> primary = (Map<?, ?>) result.get("primaryMetric");
    List<?> confidence = (List<?>) primary.get("scoreConfidence");
    Map<?, ?> percentiles = (Map<?, ?>) primary.get("scorePercentiles");
    double alloc = Double.NaN;
    if (result.get("secondaryMetrics") instanceof Map<?, ?> secondary) {
      for (Map.Entry<?, ?> e : secondary.entrySet()) {
        // JMH before 1.37 prefixed secondary metrics with a middle dot.
        if (e.getKey().toString().replace("\u00b7", "").equals("gc.alloc.rate.norm")) {
          alloc = Json.number(((Map<?, ?>) e.getValue()).get("score"));
        }
      }
    }
    return new Row(contender, (String) result.get("mode"), (String) primary.get("scoreUnit"),
        Json.number(percentiles.get("50.0")), Json.number(primary.get("score")),
        Json.number(primary.get("scoreError")), Json.number(confidence.get(0)),
        Json.number(confidence.get(1)), alloc);
  }

  private static String settings(Map<?, ?> first) {
    return String.format(Locale.ROOT,
        "JMH %s, JDK %s (%s %s), forks %s, warmup %s x %s, measurement %s x %s, threads %s",
        first.get("jmhVersion"), first.get("jdkVersion"), first.get("vmName"), first.get("vmVersion"),
        integer(first.get("forks")), integer(first.get("warmupIterations")), first.get("warmupTime"),
        integer(first.get("measurementIterations")), first.get("measurementTime"),
        integer(first.get("threads")));
  }

  private static void printGroup(Group group, PrintStream out) {
    Contenders contenders = group.type() == null ? null : group.type().getAnnotation(Contenders.class);
    String subject = contenders == null ? "architect" : contenders.subject();
    List<String> order = new ArrayList<>();
    order.add(subject);
    if (contenders != null) {
      order.addAll(List.of(contenders.anchors()));
    }
    List<Row> rows = new ArrayList<>(group.rows());
    rows.sort((a, b) -> Integer.compare(rank(order, a.contender()), rank(order, b.contender())));
    Row subjectRow = rows.stream().filter(r -> r.contender().equals(subject)).findFirst().orElse(null);
    boolean alloc = rows.stream().anyMatch(r -> !Double.isNaN(r.alloc()));
    String className = group.className().substring(group.className().lastIndexOf('.') + 1);
    Row first = rows.getFirst();
    out.printf(Locale.ROOT, "%s  (%s, %s, %s is better)%n%n", group.name(), className, first.mode(),
        first.lowerIsBetter() ? "lower" : "higher");

    List<String[]> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("contender", "median", "mean ± error", "units"));
    if (alloc) {
      header.add("alloc B/op");
    }
    if (subjectRow != null && rows.size() > 1) {
      header.add(subject + " vs this");
    }
    table.add(header.toArray(String[]::new));
    StringJoiner summary = new StringJoiner("; ");
    for (Row row : rows) {
      List<String> cells = new ArrayList<>(List.of(row.contender(), number(row.median()),
          Double.isNaN(row.error()) ? number(row.mean())
              : number(row.mean()) + " ± " + number(row.error()),
          row.unit()));
      if (alloc) {
        cells.add(Double.isNaN(row.alloc()) ? "" : String.format(Locale.ROOT, "%,.0f", row.alloc()));
      }
      if (subjectRow != null && rows.size() > 1) {
        String verdict = row == subjectRow ? "" : compare(subjectRow, row);
        cells.add(verdict);
        if (!verdict.isEmpty()) {
          summary.add((summary.length() == 0 ? subject + " vs " : "vs ") + row.contender() + ": " + verdict);
        }
      }
      table.add(cells.toArray(String[]::new));
    }
    printTable(table, out);
    StringJoiner noisy = new StringJoiner(", ");
    rows.stream().filter(r -> r.error() > NOISY * r.mean()).forEach(r -> noisy.add(r.contender()));
    if (noisy.length() > 0) {
      out.println();
      out.printf(Locale.ROOT, "noisy (99.9%% error above %.0f%% of the mean): %s; repeat the run%n",
          NOISY * 100, noisy);
    }
    if (summary.length() > 0) {
      out.println();
      out.println(summary);
    } else if (subjectRow == null) {
      out.println();
      out.println("(no " + subject + " result in this run: nothing to compare with)");
    }
  }

  /** How {@code subject} compares with {@code anchor}, on medians: "6.1x faster", "1.8x slower". */
  private static String compare(Row subject, Row anchor) {
    if (!subject.unit().equals(anchor.unit()) || subject.median() <= 0 || anchor.median() <= 0) {
      return "n/a";
    }
    double ratio = anchor.median() / subject.median();
    if (!subject.lowerIsBetter()) {
      ratio = 1 / ratio;
    }
    String verdict = ratio >= 1 ? ratio(ratio) + " faster" : ratio(1 / ratio) + " slower";
    boolean overlap = !Double.isNaN(subject.low()) && !Double.isNaN(anchor.low())
        && subject.low() <= anchor.high() && anchor.low() <= subject.high();
    return overlap ? verdict + " (within error)" : verdict;
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, r < 2 ? "%.2fx" : r < 10 ? "%.1fx" : "%.0fx", r);
  }

  /** Four significant figures at most, thousands grouped: 43,075 / 111.6 / 5.924 / 0.0350. */
  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a == 0) {
      return "0";
    }
    int decimals = Math.clamp(3 - (int) Math.floor(Math.log10(a)), 0, 6);
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static void printTable(List<String[]> table, PrintStream out) {
    String[] header = table.getFirst();
    int columns = header.length;
    int[] width = new int[columns];
    boolean[] right = new boolean[columns];
    for (int i = 0; i < columns; i++) {
      right[i] = header[i].equals("median") || header[i].startsWith("mean") || header[i].startsWith("alloc");
      for (String[] cells : table) {
        width[i] = Math.max(width[i], cells[i].length());
      }
    }
    for (int r = 0; r < table.size(); r++) {
      StringBuilder line = new StringBuilder("|");
      for (int i = 0; i < columns; i++) {
        line.append(' ').append(pad(table.get(r)[i], width[i], right[i] && r > 0)).append(" |");
      }
      out.println(line);
      if (r == 0) {
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < columns; i++) {
          rule.append(right[i] ? "-".repeat(width[i] + 1) + ":|" : "-".repeat(width[i] + 2) + "|");
        }
        out.println(rule);
      }
    }
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }

  private static int rank(List<String> order, String contender) {
    int i = order.indexOf(contender);
    return i < 0 ? order.size() : i;
  }

  private static String params(Object params) {
    if (!(params instanceof Map<?, ?> map) || map.isEmpty()) {
      return "";
    }
    StringJoiner joiner = new StringJoiner(", ");
    map.forEach((k, v) -> joiner.add(k + "=" + v));
    return joiner.toString();
  }

  private static String integer(Object value) {
    return String.valueOf((long) Json.number(value));
  }

  /** The benchmark class, for its {@link Contenders}; null when the report runs without it. */
  private static Class<?> load(String className) {
    try {
      return Class.forName(className, false, Report.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null; // a result file from another build: report in file order, subject "architect"
    }
  }
}
