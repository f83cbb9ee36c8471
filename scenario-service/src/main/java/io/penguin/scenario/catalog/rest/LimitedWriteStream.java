package io.penguin.scenario.catalog.rest;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** A write stream that fails once more than {@code maxBytes} were written to it: an upload's size limit. */
final class LimitedWriteStream implements WriteStream<Buffer> {

    /** The stream refused a write beyond its limit. */
    static final class LimitExceededException extends RuntimeException {
        LimitExceededException(long maxBytes) {
            super("more than " + maxBytes + " bytes", null, false, false);
        }
    }

    /** Whether a failure (the pipe wraps its destination's) was this limit. */
    static boolean exceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LimitExceededException) {
                return true;
            }
        }
        return false;
    }

    private final WriteStream<Buffer> delegate;
    private final long maxBytes;
    private long written;
    private boolean exceeded;

    LimitedWriteStream(WriteStream<Buffer> delegate, long maxBytes) {
        this.delegate = delegate;
        this.maxBytes = maxBytes;
    }

    @Override
    public Future<Void> write(Buffer data) {
        written += data.length();
        if (exceeded || written > maxBytes) {
            // Once over, nothing more reaches the file: the pipe may deliver buffers that were in flight after it
            // closed the file.
            exceeded = true;
            return Future.failedFuture(new LimitExceededException(maxBytes));
        }
        return delegate.write(data);
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        write(data).onComplete(handler);
    }

    @Override
    public Future<Void> end() {
        return delegate.end();
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        end().onComplete(handler);
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        delegate.exceptionHandler(handler);
        return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        delegate.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        // Past the limit the pipe has closed the file; what still arrives is dropped by write().
        return !exceeded && delegate.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        delegate.drainHandler(handler);
        return this;
    }
}
