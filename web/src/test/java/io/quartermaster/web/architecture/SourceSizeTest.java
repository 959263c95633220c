package io.quartermaster.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every main source file — the modules, the WAR, the launcher and the bench (the load generator
 * and fault suite) — is short enough to read in one sitting: at most {@value #MAX_LINES} lines.
 * A file that grows past it is a class doing two things; split it by use case.
 */
class SourceSizeTest {

    static final int MAX_LINES = 350;

    private static final List<String> MODULES = List.of("platform-module", "inventory-module", "orders-module",
            "erp-module", "web", "launcher", "bench");

    @Test
    void noMainSourceFileIsLongerThan350Lines() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent(); // the tests run in web/
        assertThat(root.resolve("inventory-module/src/main")).isDirectory();
        List<String> tooLong = MODULES.stream().map(m -> root.resolve(m).resolve("src/main"))
                .filter(Files::isDirectory).flatMap(SourceSizeTest::files)
                .filter(f -> lines(f) > MAX_LINES)
                .map(f -> root.relativize(f) + " (" + lines(f) + " lines)")
                .sorted().toList();
        assertThat(tooLong).as("main source files over " + MAX_LINES + " lines").isEmpty();
    }

    private static Stream<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".xhtml")
                            || f.toString().endsWith(".js") || f.toString().endsWith(".css"))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
