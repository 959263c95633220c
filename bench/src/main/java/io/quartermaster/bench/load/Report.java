package io.quartermaster.bench.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The benchmark's report: {@code report.md} with the machine, the targets and whether they
 * were met, a table per workload, and PNG charts (orders/s against clients per contender,
 * latency percentiles) beside it.
 */
final class Report {

    private static final String APP = "Quartermaster";
    private static final String TWIN = "pgbench twin";

    private final List<Run> runs;
    private final Map<Workload, List<String>> notes;
    private final Map<String, String> machine;
    private final Bench.Plan plan;

    Report(List<Run> runs, Map<Workload, List<String>> notes, Map<String, String> machine, Bench.Plan plan) {
        this.runs = runs;
        this.notes = notes;
        this.machine = machine;
        this.plan = plan;
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder();
        md.append("# Quartermaster benchmark — ").append(machine.get("Date"), 0, 10).append("\n\n");
        md.append("Orders/s, latency and correctness under contention: Quartermaster's REST API beside, in the same run and on ")
                .append("the same PostgreSQL, the workload's SQL run by pgbench (the ceiling), optimistic locking with and ")
                .append("without retry, and a Redis lock-then-check driver. Produced by `./quartermaster bench`.\n\n");
        md.append("## Machine and versions\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        for (String[] t : targets()) {
            md.append("| ").append(t[0]).append(" | ").append(t[1]).append(" | ").append(t[2]).append(" |\n");
        }
        md.append('\n');
        for (Workload w : Workload.values()) {
            List<Run> of = runs.stream().filter(r -> r.workload() == w).toList();
            if (of.isEmpty()) {
                continue;
            }
            md.append("## ").append(w).append(" — ").append(w.title).append("\n\n");
            table(md, of);
            charts(md, dir, w, of);
            for (Run r : of) {
                if (!r.notes().isEmpty() || r.holds() != null) {
                    md.append("\n").append(r.contender()).append(", ").append(r.load()).append(":\n\n");
                    r.notes().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
                    holds(md, r.holds());
                }
                if (r.lag() != null && r.lag().entries() > 0 && w == Workload.W6) {
                    md.append("\nLedger lag (order committed → journal entry posted) over ").append(r.lag().entries())
                            .append(" orders: p50 %.0f ms, p99 %.0f ms, max %.0f ms.\n".formatted(r.lag().p50(), r.lag().p99(),
                                    r.lag().max()));
                }
            }
            List<String> n = notes.getOrDefault(w, List.of());
            if (!n.isEmpty()) {
                md.append('\n');
                n.forEach(line -> md.append(line.startsWith("  ") ? line : "- " + line).append('\n'));
            }
            md.append('\n');
        }
        md.append(legend());
        Path report = dir.resolve("report.md");
        Files.writeString(report, md.toString());
        return report;
    }

    private static void table(StringBuilder md, List<Run> of) {
        md.append("| contender | load | orders/s | p50 ms | p99 ms | p99.9 ms | max ms | oversold | false rejections | ")
                .append("refused | errors | retries | deadlocks | ledger lag p99 ms | database sessions were mostly |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Run r : of) {
            md.append("| ").append(r.contender()).append(" | ").append(r.load())
                    .append(" | ").append(Math.round(r.ordersPerSecond()))
                    .append(" | %.1f | %.1f | %.1f | %.0f".formatted(r.p50(), r.p99(), r.p999(), r.max()))
                    .append(" | ").append(r.oversells()).append(" | ").append(r.falseRejections())
                    .append(" | ").append(r.outOfStock() + r.refused())
                    .append(" | ").append(r.errorCount() == 0 ? "0" : r.errorCount() + " " + errors(r))
                    .append(" | ").append(r.retries()).append(" | ").append(r.deadlocks())
                    .append(" | ").append(r.lag() == null || r.lag().entries() == 0 ? "–" : "%.0f".formatted(r.lag().p99()))
                    .append(" | ").append(waits(r)).append(" |\n");
        }
    }

    private static String errors(Run r) {
        return r.errors().entrySet().stream()
                .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", ", "(", ")"));
    }

    private static void holds(StringBuilder md, Run.Holds h) {
        if (h == null) {
            return;
        }
        md.append("- samples: ").append(h.samples()).append('\n')
                .append("- samples where available ≠ on hand − active holds: ").append(h.mismatched())
                .append(h.examples().isEmpty() ? "" : " e.g. " + h.examples()).append('\n')
                .append("- samples with a hold active > 5 s after its expiry: ").append(h.overdue())
                .append(h.overdue() > 0 ? " (oldest %.1f s past expiry)".formatted(h.oldestOverdueSeconds()) : "").append('\n')
                .append("- holds expired: ").append(h.expiry().expired()).append('\n')
                .append("- expiry → released, p50 / p99 / max: ").append(releases(h)).append('\n')
                .append("- holds of the run still active at the end: ").append(h.expiry().stillActive()).append('\n');
    }

    private static String releases(Run.Holds h) {
        return "%.0f / %.0f / %.0f ms".formatted(h.expiry().p50(), h.expiry().p99(), h.expiry().max());
    }

    private static String waits(Run r) {
        return r.dbWaits().entrySet().stream().limit(3).map(e -> "%s %.0f %%".formatted(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ targets

    private List<String[]> targets() {
        List<String[]> t = new ArrayList<>();
        // Issue 15's targets: half the twin at 8 clients, more than it at 32 (one order per transaction cannot batch).
        ratio(Workload.W1, 8, 0.5).ifPresent(r -> t.add(new String[] {"W1 ≥ 50 % of the pgbench twin at 8 clients", r[0], r[1]}));
        ratio(Workload.W1, 32, 1.0).ifPresent(r -> t.add(new String[] {"W1 more than the pgbench twin at 32 clients", r[0], r[1]}));
        ratio(Workload.W1, 128, 0.5).ifPresent(r -> t.add(new String[] {"W1 ≥ 50 % of the pgbench twin at 128 clients", r[0], r[1]}));
        List<Run> w1App = of(Workload.W1, APP);
        if (!w1App.isEmpty()) {
            long oversold = w1App.stream().mapToLong(Run::oversells).sum();
            long falseRejections = w1App.stream().mapToLong(Run::falseRejections).sum();
            t.add(new String[] {"W1 0 oversells, 0 false rejections (all client counts)",
                    oversold + " oversold, " + falseRejections + " false rejections", yes(oversold == 0 && falseRejections == 0)});
            double best = w1App.stream().mapToDouble(Run::ordersPerSecond).max().orElse(0);
            Run most = w1App.stream().max(java.util.Comparator.comparingInt(Run::clients)).orElseThrow();
            boolean held = most.ordersPerSecond() >= 0.5 * best && most.errorCount() == 0 && most.p99() <= 1000;
            t.add(new String[] {"W1 no collapse at " + most.clients() + " clients (0 errors, p99 ≤ 1 s)",
                    "%.0f orders/s = %.0f %% of the best (%.0f), %d errors, p99 %.0f ms".formatted(most.ordersPerSecond(),
                            100 * most.ordersPerSecond() / Math.max(1, best), best, most.errorCount(), most.p99()), yes(held)});
        }
        of(Workload.W1, Bench.PAYMENT_200).forEach(slow -> find(Workload.W1, APP, slow.clients()).ifPresent(fast -> {
            double ratio = slow.ordersPerSecond() / Math.max(1, fast.ordersPerSecond());
            t.add(new String[] {"W1 with a payment latency of 200 ms within 20 % of its rate without, at " + slow.clients()
                    + " clients", "%.0f vs %.0f orders/s = %.0f %%, p99 %.0f ms".formatted(slow.ordersPerSecond(),
                    fast.ordersPerSecond(), 100 * ratio, slow.p99()), yes(ratio >= 0.8)});
        }));
        for (Workload w : List.of(Workload.W2, Workload.W3)) {
            for (int clients : List.of(8, 32)) {
                ratio(w, clients, 0.5).ifPresent(r -> t.add(new String[] {
                        w + " ≥ 50 % of its twin at " + clients + " clients", r[0], r[1]}));
            }
        }
        of(Workload.W4, APP).forEach(r -> {
            long deadlockErrors = r.errors().entrySet().stream().filter(e -> e.getKey().startsWith("5")
                    || e.getKey().toLowerCase().contains("deadlock")).mapToLong(Map.Entry::getValue).sum();
            t.add(new String[] {"W4 0 deadlock errors reach a caller", deadlockErrors + " (5xx or deadlock answers; "
                    + r.deadlocks() + " deadlocks detected by PostgreSQL)", yes(deadlockErrors == 0)});
        });
        of(Workload.W5, APP).stream().filter(r -> r.holds() != null).forEach(r -> {
            Run.Holds h = r.holds();
            t.add(new String[] {"W5 available = on hand − active holds at every sample",
                    h.mismatched() + " of " + h.samples() + " samples differ", yes(h.mismatched() == 0)});
            t.add(new String[] {"W5 expired holds released within 5 s of expiry",
                    "expiry → release " + releases(h) + "; " + h.overdue() + " samples with an overdue hold",
                    yes(h.overdue() == 0 && h.expiry().max() <= 5000)});
        });
        List<Run> closedApp = runs.stream().filter(r -> r.contender().equals(APP) && "closed".equals(r.mode())
                && (r.workload() == Workload.W1 || r.workload() == Workload.W2) && r.lag() != null && r.lag().entries() > 0).toList();
        closedApp.stream().max(java.util.Comparator.comparingDouble(r -> r.lag().p99())).ifPresent(r -> t.add(new String[] {
                "Ledger lag p99 ≤ 1 s in the closed-loop W1 and W2 runs", "worst p99 %.0f ms (%s, %s, %.0f orders/s)"
                        .formatted(r.lag().p99(), r.workload(), r.load(), r.ordersPerSecond()), yes(r.lag().p99() <= 1000)}));
        closedApp.stream().max(java.util.Comparator.comparingDouble(r -> {
                    double at = seconds(r.notes().get(Bench.AT_REST));
                    return at < 0 ? Double.MAX_VALUE : at;
                }))
                .ifPresent(r -> {
                    double worst = seconds(r.notes().get(Bench.AT_REST));
                    t.add(new String[] {"Books at rest within 5 s after a closed-loop W1/W2 run stops",
                            "worst %s (%s, %s, %.0f orders/s)".formatted(r.notes().get(Bench.AT_REST), r.workload(), r.load(),
                                    r.ordersPerSecond()), yes(worst >= 0 && worst <= 5)});
                });
        of(Workload.W6, Bench.OUTAGE).forEach(r -> {
            double caughtUp = seconds(r.notes().get(Bench.CAUGHT_UP));
            t.add(new String[] {"W6 a 60 s broker outage under load caught up within 30 s of its return",
                    r.notes().get(Bench.CAUGHT_UP) + "; " + r.sold() + " orders taken over the run", yes(caughtUp >= 0 && caughtUp <= 30)});
        });
        of(Workload.W6, APP).forEach(r -> t.add(new String[] {"W6 ledger lag p99 ≤ 1 s at W2 load",
                r.lag() == null ? "no entries" : "p99 %.0f ms (p50 %.0f ms) at %.0f orders/s".formatted(r.lag().p99(),
                        r.lag().p50(), r.ordersPerSecond()), yes(r.lag() != null && r.lag().entries() > 0 && r.lag().p99() <= 1000)}));
        return t;
    }

    private Optional<String[]> ratio(Workload w, int clients, double target) {
        Optional<Run> app = find(w, APP, clients);
        Optional<Run> twin = find(w, TWIN, clients);
        if (app.isEmpty() || twin.isEmpty()) {
            return Optional.empty();
        }
        double ratio = app.get().ordersPerSecond() / Math.max(1, twin.get().ordersPerSecond());
        return Optional.of(new String[] {"%.0f vs %.0f orders/s = %.0f %%".formatted(app.get().ordersPerSecond(),
                twin.get().ordersPerSecond(), 100 * ratio), ratio >= target ? "yes" : "**no** (%.0f %% short)".formatted(100 * (target - ratio))});
    }

    private Optional<Run> find(Workload w, String contender, int clients) {
        return runs.stream().filter(r -> r.workload() == w && r.contender().equals(contender) && r.clients() == clients
                && "closed".equals(r.mode())).findFirst();
    }

    /** The seconds a note like "1.3 s" gives; -1 when it gives none. */
    static double seconds(String note) {
        if (note == null) {
            return -1;
        }
        try {
            return Double.parseDouble(note.replace(" s", "").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private List<Run> of(Workload w, String contender) {
        return runs.stream().filter(r -> r.workload() == w && r.contender().equals(contender)).toList();
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    // ------------------------------------------------------------------ charts

    private void charts(StringBuilder md, Path dir, Workload w, List<Run> of) throws IOException {
        List<Run> closed = of.stream().filter(r -> "closed".equals(r.mode())).toList();
        Set<Integer> clientCounts = closed.stream().map(Run::clients).collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> contenders = closed.stream().map(Run::contender).collect(Collectors.toCollection(LinkedHashSet::new));
        if (clientCounts.size() >= 3) {
            String name = w.name().toLowerCase();
            line(dir.resolve(name + "-throughput.png"), w + ": orders/s against clients", "orders/s", closed, contenders,
                    Run::ordersPerSecond, false);
            line(dir.resolve(name + "-p99.png"), w + ": p99 latency against clients", "p99 latency (ms, log scale)", closed,
                    contenders, Run::p99, true);
            md.append("\n![").append(w).append(" orders/s](").append(name).append("-throughput.png)\n");
            md.append("![").append(w).append(" p99 latency](").append(name).append("-p99.png)\n");
        } else if (!closed.isEmpty() && contenders.size() > 1) {
            String name = w.name().toLowerCase() + "-latency.png";
            int clients = clientCounts.stream().max(Integer::compare).orElseThrow();
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (Run r : closed) {
                if (r.clients() == clients) {
                    data.addValue(Math.max(0.01, r.p50()), "p50", r.contender());
                    data.addValue(Math.max(0.01, r.p99()), "p99", r.contender());
                    data.addValue(Math.max(0.01, r.p999()), "p99.9", r.contender());
                }
            }
            JFreeChart chart = ChartFactory.createBarChart(w + ": latency percentiles at " + clients + " clients", null,
                    "ms (log scale)", data, PlotOrientation.VERTICAL, true, false, false);
            CategoryPlot plot = chart.getCategoryPlot();
            LogAxis axis = new LogAxis("ms (log scale)");
            axis.setSmallestValue(0.01);
            plot.setRangeAxis(axis);
            style(chart);
            ChartUtils.saveChartAsPNG(dir.resolve(name).toFile(), chart, 900, 450);
            md.append("\n![").append(w).append(" latency percentiles](").append(name).append(")\n");
        }
    }

    private static void line(Path file, String title, String yLabel, List<Run> closed, Set<String> contenders,
                             ToDoubleFunction<Run> y, boolean logY) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String c : contenders) {
            XYSeries series = new XYSeries(c);
            closed.stream().filter(r -> r.contender().equals(c)).forEach(r -> series.add(r.clients(), Math.max(0.01, y.applyAsDouble(r))));
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "clients (log scale)", yLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis("clients (log scale)");
        x.setBase(2);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        plot.setDomainAxis(x);
        if (logY) {
            LogAxis logAxis = new LogAxis(yLabel);
            logAxis.setSmallestValue(0.01);
            plot.setRangeAxis(logAxis);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < contenders.size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        style(chart);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 450);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(250, 250, 250));
    }

    private String legend() {
        return """
                ## How to read this

                - **orders/s**: orders accepted per second of the measured window (%d s after %d s warm-up; W5 and W6: %d s).
                  For the pgbench twin: committed transactions/s, one order per transaction.
                - **p50 / p99 / p99.9 / max**: latency of every request of the window as its client saw it (HdrHistogram).
                  Open loop (W6): from the moment the order was *due* at the fixed arrival rate, so a stall is not hidden by
                  senders waiting for it (coordinated omission); pgbench's open-loop figures include its schedule lag the same way.
                - **oversold**: units sold beyond what the stock rows lost, per SKU, plus stock below zero; for Quartermaster also
                  the violations of its invariant checker (`GET /api/v1/admin/invariants`, run after each workload).
                - **false rejections**: a buyer told no (409, "lock taken", "version conflict") while every SKU of the cart still
                  had the units at the end of the run — stock never runs out in these runs (1,000,000 units per SKU), so every
                  refusal is a false one.
                - **retries**: requests sent again by the client (503, request in progress, no answer), version conflicts retried
                  by the optimistic driver, transactions retried by pgbench. **deadlocks**: PostgreSQL's own counter over the run,
                  whether or not a caller saw them.
                - **ledger lag**: journal entry posted − `OrderPlaced` event written (in the order's transaction), for the orders
                  of the window.
                - **database sessions were mostly**: what the client sessions of PostgreSQL were doing, sampled every 20 ms
                  (a wait event; CPU when none; "idle in transaction" = waiting for the application to send the next statement).
                - Everything runs on one machine: the load generator, Payara Micro, PostgreSQL, Artemis, Redis and pgbench share
                  its cores; pgbench's own client costs far less CPU than an HTTP client and an application server.
                """.formatted(plan.seconds(), plan.warmup(), plan.longSeconds());
    }
}
