package dev.ferry.notify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A notification in the custom-notification format of AWS Chatbot (now Amazon Q Developer in chat
 * applications), which renders it in Slack, Teams or Chime instead of answering that the event is
 * not supported:
 * {@code {"version":"1.0","source":"custom","content":{"textType":"client-markdown","title":...,
 * "description":...},"metadata":{"summary":...}}}
 * (docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html, "Event schema").
 *
 * <p>Ferry's bodies are plain text with aligned tables, so the description puts them in a code block,
 * where chat keeps the columns. A chat message is read at a glance: a long body (a report of many
 * servers) is cut to {@link #MAX_DESCRIPTION} characters with a note that the email has all of it.
 */
public final class ChatbotMessage {

    /**
     * Chat clients cut long messages (Slack's text blocks at 3,000 characters); the guide gives no
     * limit of its own (unconfirmed), so the description stays under that.
     */
    static final int MAX_DESCRIPTION = 2_800;
    static final String CUT = "\n[...]\n```\nThe rest is in the email.";

    private ChatbotMessage() {
    }

    /** The notification as the JSON document AWS Chatbot reads. */
    public static String of(String subject, String body) {
        ObjectNode message = JsonNodeFactory.instance.objectNode()
                .put("version", "1.0")
                .put("source", "custom");
        message.putObject("content")
                .put("textType", "client-markdown")
                .put("title", subject)
                .put("description", description(body));
        message.putObject("metadata").put("summary", subject);
        return message.toString();
    }

    private static String description(String body) {
        // A body holding ``` itself would close the block early: its backticks are made harmless.
        String text = body.replace("```", "'''");
        String block = "```\n" + text + "\n```";
        if (block.length() <= MAX_DESCRIPTION) {
            return block;
        }
        int keep = MAX_DESCRIPTION - CUT.length() - 4;
        // Not between the two halves of a surrogate pair.
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return "```\n" + text.substring(0, keep) + CUT;
    }
}
