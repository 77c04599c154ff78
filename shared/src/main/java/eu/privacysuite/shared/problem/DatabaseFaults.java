package eu.privacysuite.shared.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Tells a fault of the database (unreachable, restarting, out of connections, lock or serialization conflict),
 * which the client may retry, from a bug. It looks down the cause chain, where the JDBC exception sits under
 * Hibernate's, the transaction manager's and the pool's own.
 */
public final class DatabaseFaults {

    /** SQLSTATE classes and codes of PostgreSQL that mean "try again later", not "your request is wrong". */
    private static final Set<String> RETRYABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01",
            "55P03");

    private DatabaseFaults() {
    }

    public static boolean isTransient(Throwable error) {
        return isTransient(error, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /**
     * Down the causes and the suppressed exceptions: a commit that fails because the server went away is a
     * RollbackException with no cause, the JDBC error sitting under the XAException it suppressed.
     */
    private static boolean isTransient(Throwable e, Set<Throwable> seen) {
        if (e == null || seen.size() >= 64 || !seen.add(e)) {
            return false;
        }
        if (e instanceof JDBCConnectionException || e instanceof LockAcquisitionException
                || e instanceof SQLTransientException || e instanceof ConnectException
                || e instanceof java.sql.SQLNonTransientConnectionException) {
            return true;
        }
        if (e instanceof SQLException sql && retryable(sql)) {
            return true;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (isTransient(suppressed, seen)) {
                return true;
            }
        }
        return isTransient(e.getCause(), seen);
    }

    private static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("08") || RETRYABLE_STATES.contains(state);
        }
        // The pool's own timeout carries no SQLSTATE: every connection is busy or none can be opened.
        return e.getMessage() != null && e.getMessage().startsWith("Acquisition timeout");
    }
}
