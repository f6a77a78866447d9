package dev.quiver.core.error;

/**
 * A mistake by the user of Quiver (bad input file, flag, config value or action), as opposed to a bug.
 *
 * <p>The message must say what was wrong, where (file, line, column, key) and what is allowed. The
 * command line prints the message without a stack trace and exits with status 2.
 */
public class QuiverUserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming what, where and what is allowed. */
    public QuiverUserException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public QuiverUserException(String message, Throwable cause) {
        super(message, cause);
    }
}
