package io.fwgate.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.fwgate.api.DecodeException;
import io.fwgate.api.ResponseDecoder;

/**
 * Runs plugins' Java decoders with a deadline, as {@link BoundedSender} runs sends: a decoder that does
 * not return in time fails its call as undecodable, so the call ends and frees its device's lock.
 * Table layouts need no deadline: they are bounded by construction.
 *
 * <p>Java cannot stop a thread stuck in a loop. A late decoder is interrupted (one that honours
 * interruption ends there) and otherwise left running on its own thread. Until it returns, its plugin is
 * flagged (see {@link #hung}): the plugin view says so, and no further command decoded by that plugin's
 * Java decoders is sent, so a broken plugin cannot pile up stuck threads. Thread-safe.
 */
final class DecoderDeadline implements AutoCloseable {
    /** A decoder that has not returned: which plugin and decoder, and since when. */
    record Hung(String plugin, String decoder, Instant since) {
        String describe() {
            return "misbehaving: its decoder '" + decoder + "' has not returned from an answer given to it at " + since
                    + " (its thread is still running; update or remove the plugin)";
        }
    }

    private final Duration bound;
    private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fwgate-decode");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, Hung> hung = new ConcurrentHashMap<>();

    /** @param bound how long one decoder may take */
    DecoderDeadline(Duration bound) {
        this.bound = bound;
    }

    /**
     * @param bundleId the decoder's plugin bundle
     * @return why the plugin is flagged, while one of its decoders has not returned
     */
    Optional<Hung> hung(long bundleId) {
        return Optional.ofNullable(hung.get(bundleId));
    }

    /**
     * Refuses to send a command whose answer would go to a plugin whose decoder is stuck.
     *
     * @throws IOException naming the plugin and decoder, if that plugin is flagged
     */
    void refuseIfHung(PluginRecord plugin) throws IOException {
        Hung stuck = hung.get(plugin.bundleId());
        if (stuck != null) {
            throw new IOException(plugin.symbolicName() + "'s decoder '" + stuck.decoder()
                    + "' has not returned from an earlier answer (given to it at " + stuck.since()
                    + "); nothing is sent for the commands its decoders read until it does");
        }
    }

    /**
     * @param plugin the decoder's plugin
     * @param name the decoder's name
     * @param decoder the decoder
     * @param payload the answer, read-only, little-endian
     * @return what the decoder returned
     * @throws DecodeException if the decoder failed in any way (exception, error, no answer in time)
     */
    Map<String, Object> decode(PluginRecord plugin, String name, ResponseDecoder decoder, ByteBuffer payload)
            throws DecodeException {
        AtomicBoolean returned = new AtomicBoolean();
        AtomicReference<Hung> flag = new AtomicReference<>();
        Future<Map<String, Object>> answer = pool.submit(() -> {
            try {
                return decoder.decode(payload);
            } finally {
                returned.set(true);
                unflag(plugin.bundleId(), flag.get());
            }
        });
        try {
            return answer.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            Hung stuck = new Hung(plugin.symbolicName(), name, Instant.now());
            flag.set(stuck);
            hung.put(plugin.bundleId(), stuck);
            if (returned.get()) {
                unflag(plugin.bundleId(), stuck); // it returned between the deadline and the flag
            }
            throw new DecodeException("the plugin's decoder '" + name + "' did not return within "
                    + describe(bound) + "; " + plugin.symbolicName() + " is flagged as misbehaving");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new DecodeException("interrupted while the plugin's decoder '" + name + "' was decoding");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DecodeException invalid) {
                throw invalid;
            }
            // a plugin's bug (an exception, a StackOverflowError, a LinkageError of a bundle updated away)
            // must end as an undecodable answer with its result record, never escape the call
            throw new DecodeException("the plugin's decoder failed: " + cause);
        }
    }

    private void unflag(long bundleId, Hung stuck) {
        if (stuck != null) {
            hung.remove(bundleId, stuck);
        }
    }

    private static String describe(Duration bound) {
        return bound.toMillis() % 1000 == 0 ? bound.toSeconds() + " s" : bound.toMillis() + " ms";
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
