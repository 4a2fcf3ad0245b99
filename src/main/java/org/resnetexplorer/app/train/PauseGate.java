package org.resnetexplorer.app.train;

/**
 * Pause, resume and cancel for a run on the engine thread. The training loop asks between
 * iterations and returns when paused, freeing the thread for the other tabs; the open run keeps
 * its weights and data order, so Resume goes on exactly where it stopped.
 */
public final class PauseGate {

    private boolean paused;
    private boolean cancelled;
    private long pausedNanos;
    private long pausedSince;

    public synchronized void pause() {
        if (!paused && !cancelled) {
            paused = true;
            pausedSince = System.nanoTime();
        }
    }

    public synchronized void resume() {
        if (paused) {
            paused = false;
            pausedNanos += System.nanoTime() - pausedSince;
            notifyAll();
        }
    }

    public synchronized void cancel() {
        cancelled = true;
        resume();
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Time spent paused so far, left out of the time-left estimate. */
    public synchronized long pausedNanos() {
        return pausedNanos + (paused ? System.nanoTime() - pausedSince : 0);
    }
}
