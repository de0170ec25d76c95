package dev.ferry.local.rehearsal;

import dev.ferry.local.cloud.sns.OutboxMessage;
import dev.ferry.local.engine.time.Scheduler;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A person who reads the approval email: opens the link (a GET, which only shows the confirmation
 * page), reads for a while, and then submits the page's form with a decision, over real HTTP to the
 * local approval pages, exactly as a browser would. A hasty person (in a chaos rehearsal) submits
 * the form twice in a row, and a colleague submits the opposite decision a minute later: the
 * first decision must stand.
 */
final class SimulatedApprover {

    /** The approver name recorded with the decision. */
    static final String APPROVER = "rehearsal";
    /** How long the simulated person reads the page before deciding. */
    static final Duration READING_TIME = Duration.ofMinutes(2);
    /** The colleague of a hasty approver, and how long after the first decision they submit theirs. */
    static final String COLLEAGUE = "rehearsal-colleague";
    static final Duration COLLEAGUE_DELAY = Duration.ofMinutes(1);

    private final Scheduler scheduler;
    private final boolean approve;
    private final boolean hasty;
    private final Consumer<String> notes;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * @param approve whether the person approves (else rejects)
     * @param hasty   whether the person submits twice and a colleague then decides the other way
     * @param notes   told what the person did, in words
     */
    SimulatedApprover(Scheduler scheduler, boolean approve, boolean hasty, Consumer<String> notes) {
        this.scheduler = scheduler;
        this.approve = approve;
        this.hasty = hasty;
        this.notes = notes;
    }

    /** Reacts to an email: an approval request is opened at once, on the scheduler, after the sender's turn. */
    void emailArrived(OutboxMessage message) {
        ApprovalLinks.in(message).ifPresent(link -> scheduler.submit(() -> open(link)));
    }

    private void open(String link) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(link)).GET().build());
        if (page == null) {
            return;
        }
        if (page.statusCode() != 200 || !page.body().contains("name=\"decision\"")) {
            notes.accept("the approval page answered " + page.statusCode() + " without its form; nothing was decided");
            return;
        }
        scheduler.schedule(scheduler.clock().instant().plus(READING_TIME), () -> decide(link));
    }

    private void decide(String link) {
        submit(link, APPROVER, approve);
        if (hasty) {
            submit(link, APPROVER, approve);
            scheduler.schedule(scheduler.clock().instant().plus(COLLEAGUE_DELAY), () -> submit(link, COLLEAGUE, !approve));
        }
    }

    private void submit(String link, String approver, boolean approves) {
        String form = "approver=" + encode(approver) + "&decision=" + (approves ? "approve" : "reject");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(link))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "ferry-rehearsal")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        if (answer != null) {
            notes.accept(approver + (approves ? " approved" : " rejected") + " the cutover on the approval page (HTTP "
                    + answer.statusCode() + ")");
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            notes.accept("the approval page could not be reached: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
