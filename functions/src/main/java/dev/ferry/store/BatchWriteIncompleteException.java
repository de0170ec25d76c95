package dev.ferry.store;

/**
 * DynamoDB still left items of a batch write unprocessed after every re-send (the table kept
 * throttling). Nothing written is lost: writes are whole records, so running the stage again
 * writes them again.
 */
public class BatchWriteIncompleteException extends RuntimeException {

    public BatchWriteIncompleteException(String message) {
        super(message);
    }

    public BatchWriteIncompleteException(String message, Throwable cause) {
        super(message, cause);
    }
}
