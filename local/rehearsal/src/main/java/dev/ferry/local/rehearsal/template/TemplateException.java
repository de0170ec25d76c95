package dev.ferry.local.rehearsal.template;

/** template.yaml declares something the local cloud cannot reproduce, or is not readable at all. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
