package io.quartermaster.platform.api.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.platform.api.problem.ProblemException;
import java.net.ConnectException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void connectionLossShutdownAndPoolExhaustionAreUnavailable() {
        assertThat(DatabaseFailures.unavailable(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(DatabaseFailures.unavailable(new SQLException("terminating", "57P01"))).isTrue();
        assertThat(DatabaseFailures.unavailable(new RuntimeException("wrapped", new ConnectException("refused")))).isTrue();
        assertThat(DatabaseFailures.unavailable(new IllegalStateException("commit",
                new XAException("LocalTransactionException: FATAL: terminating connection due to administrator command"))))
                .isTrue();
        assertThat(DatabaseFailures.unavailable(new RuntimeException(
                "Error in allocating a connection. Cause: Connection could not be allocated"))).isTrue();
        SQLException chained = new SQLException("batch failed", "XX000");
        chained.setNextException(new SQLException("server closed", "08003"));
        assertThat(DatabaseFailures.unavailable(chained)).isTrue();
    }

    @Test
    void theCallersMistakesAndOurBugsAreNot() {
        assertThat(DatabaseFailures.unavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseFailures.unavailable(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(DatabaseFailures.unavailable(ProblemException.notFound("no such order"))).isFalse();
        assertThat(DatabaseFailures.unavailable(new NullPointerException())).isFalse();
    }

    @Test
    void theAnswerIs503WithRetryAfter() {
        ProblemException problem = DatabaseFailures.problem();
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.extensions()).containsEntry("retryAfter", DatabaseFailures.RETRY_AFTER_SECONDS);
    }

    @Test
    void theCauseIsOneLineFromTheInnermostMessage() {
        RuntimeException eclipseLink = new RuntimeException("Exception [EclipseLink-4002]\nInternal Exception: …\nCall: INSERT …",
                new SQLException("ERROR: could not extend file \"base/1/2\": No space left on device\n  Where: trigger", "53100"));
        assertThat(DatabaseFailures.cause(eclipseLink)).isEqualTo("ERROR: could not extend file \"base/1/2\": No space left on device");
        assertThat(DatabaseFailures.cause(new IllegalStateException("pool gave up", new java.io.EOFException())))
                .as("an innermost cause without a message: the nearest message").isEqualTo("pool gave up");
        assertThat(DatabaseFailures.cause(new java.io.EOFException())).isEqualTo("EOFException");
    }
}
