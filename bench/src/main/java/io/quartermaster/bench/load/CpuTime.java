package io.quartermaster.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far, from {@code /proc}: of one process (the application server), and of
 * PostgreSQL (every {@code postgres} process, plus what its exited children used). The bench
 * takes two readings around a run and divides by the orders: CPU per order, the cost the
 * group commit exists to cut. Linux only; elsewhere every reading is 0.
 */
final class CpuTime {

    /** USER_HZ: the unit of /proc's times, 100 on every Linux the bench runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** Milliseconds of CPU (user + system) the process has used. */
    static double process(long pid) {
        long[] t = ticks(pid);
        return (t[0] + t[1]) * 1000.0 / TICKS_PER_SECOND;
    }

    /** Milliseconds of CPU every PostgreSQL process has used, exited backends included (via their parent). */
    static double postgres() {
        double total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (Files.readString(p.resolve("comm")).strip().equals("postgres")) {
                        long[] t = ticks(Long.parseLong(name));
                        total += (t[0] + t[1] + t[2] + t[3]) * 1000.0 / TICKS_PER_SECOND;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended between listing and reading
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** utime, stime, cutime, cstime of /proc/pid/stat (fields 14–17), or zeros. */
    private static long[] ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": field 3 is f[0], so field n is f[n - 3]
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }
}
