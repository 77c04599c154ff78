package eu.privacysuite.shared.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import javax.transaction.xa.XAException;

import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

/**
 * A fault of the database is told from a bug wherever the JDBC error sits. Found by bench/chaos: PostgreSQL stopped
 * while a consent was being committed, and the answer was a 500 instead of a 503 with Retry-After, because the
 * transaction manager's RollbackException has no cause, the JDBC error being under the XAException it suppressed.
 */
class DatabaseFaultsTest {

    @Test
    void aCommitCutByTheServerShuttingDownIsAFaultToRetry() {
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(xa);
        assertTrue(DatabaseFaults.isTransient(new RuntimeException("Error invoking subclass method", commit)));
    }

    @Test
    void aRollbackForAnotherReasonIsNot() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new IllegalStateException("a bug"));
        assertFalse(DatabaseFaults.isTransient(new RuntimeException(commit)));
        assertFalse(DatabaseFaults.isTransient(new SQLException("duplicate key", "23505")));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertFalse(DatabaseFaults.isTransient(b));
    }
}
