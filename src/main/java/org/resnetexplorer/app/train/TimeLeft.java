package org.resnetexplorer.app.train;

/** "about 2 min 30 s left", from the pace so far (paused time left out). */
public final class TimeLeft {

    private TimeLeft() {
    }

    public static String of(long activeNanos, int done, int total) {
        if (done <= 0 || total <= done) {
            return done >= total && total > 0 ? "finishing" : "estimating time left";
        }
        long seconds = Math.round(activeNanos / 1e9 / done * (total - done));
        if (seconds < 60) {
            return "about " + Math.max(1, seconds) + " s left";
        }
        long min = seconds / 60;
        if (min < 60) {
            return "about " + min + " min " + (seconds % 60) + " s left";
        }
        return "about " + (min / 60) + " h " + (min % 60) + " min left";
    }
}
