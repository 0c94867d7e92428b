package dev.atrium.local.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last {@value #CAPACITY} completion requests over all providers, oldest first. */
final class RequestLog {

    static final int CAPACITY = 1000;

    private final Deque<RecordedRequest> entries = new ArrayDeque<>(CAPACITY);

    synchronized void record(RecordedRequest request) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    /** The requests for one provider, or all of them when {@code provider} is null. */
    synchronized List<RecordedRequest> list(String provider) {
        return entries.stream()
                .filter(entry -> provider == null || entry.provider().equals(provider))
                .toList();
    }

    synchronized void clear() {
        entries.clear();
    }
}
