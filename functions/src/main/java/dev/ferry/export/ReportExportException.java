package dev.ferry.export;

/** The complete report of a wave could not be written. */
public class ReportExportException extends RuntimeException {

    public ReportExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
