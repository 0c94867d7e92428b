package dev.atrium.gateway.application.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A provider's stream, given only once it has begun the answer. Until then nothing is relayed, so a stream
 * that fails, ends or stays silent first is an attempt that failed like a refused one: the next candidate is
 * tried and nothing of it is charged. What came before the beginning (a role alone) is kept and relayed first.
 */
final class FirstOutput {

    /** No beginning came in time; the attempt is given up and its upstream call cancelled. */
    static final class Silent extends RuntimeException {

        Silent(String message) {
            super(message, null, false, false);
        }
    }

    private FirstOutput() {
    }

    /** The whole stream, once an item {@code begins} it; fails if it failed or ended before. */
    static <T> Uni<Multi<T>> of(Multi<T> upstream, Predicate<T> begins) {
        return Uni.createFrom().emitter(emitter -> {
            UnicastProcessor<T> rest = UnicastProcessor.create();
            AtomicBoolean begun = new AtomicBoolean();
            AtomicReference<Cancellable> subscription = new AtomicReference<>();
            Runnable cancel = () -> {
                Cancellable s = subscription.get();
                if (s != null) {
                    s.cancel();
                }
            };
            emitter.onTermination(() -> {
                if (!begun.get()) {
                    cancel.run();
                }
            });
            subscription.set(upstream.subscribe().with(
                    item -> {
                        rest.onNext(item);
                        if (!begun.get() && begins.test(item)) {
                            begun.set(true);
                            emitter.complete(rest.onCancellation().invoke(cancel));
                        }
                    },
                    failure -> {
                        if (begun.get()) {
                            rest.onError(failure);
                        } else {
                            emitter.fail(failure);
                        }
                    },
                    () -> {
                        if (begun.get()) {
                            rest.onComplete();
                        } else {
                            emitter.fail(new IllegalStateException("the provider closed the stream"));
                        }
                    }));
        });
    }
}
