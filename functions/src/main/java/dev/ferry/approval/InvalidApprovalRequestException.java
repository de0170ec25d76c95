package dev.ferry.approval;

/** A request to the approval page that cannot be used; the message tells the person what is wrong. */
public class InvalidApprovalRequestException extends RuntimeException {

    public InvalidApprovalRequestException(String message) {
        super(message);
    }
}
