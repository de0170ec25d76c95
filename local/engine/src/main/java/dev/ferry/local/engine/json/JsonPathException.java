package dev.ferry.local.engine.json;

/**
 * A path could not be applied to a document at run time: a field is missing, an index is out of
 * range, or a result cannot be placed. Step Functions reports these as {@code States.Runtime}.
 */
public final class JsonPathException extends RuntimeException {

    /** Creates the exception with a message in the style of Step Functions' own. */
    public JsonPathException(String message) {
        super(message);
    }
}
