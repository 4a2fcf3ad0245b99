package org.resnetexplorer.engine.zoo;

import ai.djl.repository.Artifact;
import ai.djl.repository.MRL;
import ai.djl.repository.zoo.ModelLoader;
import ai.djl.repository.zoo.ModelZoo;
import ai.djl.util.Progress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Fetches an ImageNet ResNet's files from DJL's MXNet model zoo into DJL's cache under the
 * user's home ({@code ~/.djl.ai}), with progress and cancel. Only this class goes online, and
 * only when the user asks: DJL stays offline everywhere else. Touches no engine, so it can run
 * beside the engine thread.
 */
public final class ZooDownload {

    static final String GROUP = "ai.djl.mxnet";
    private static final String OFFLINE = "ai.djl.offline";

    /** Told how far the download is; {@code total} is 0 when the zoo does not say. */
    @FunctionalInterface
    public interface Listener {
        void progress(long done, long total);
    }

    private ZooDownload() {
    }

    /**
     * Downloads the files of {@code which}, or finds them already in DJL's cache.
     *
     * @param cancelled polled while bytes arrive; true stops the download and leaves no
     *     partial files (DJL downloads into a temporary folder)
     * @return the folder holding the parameter file and {@code synset.txt}
     * @throws CancellationException when cancelled
     * @throws IOException with a one-sentence reason (offline, not in the zoo, broken file)
     */
    public static Path fetch(ZooResNet which, Listener listener, BooleanSupplier cancelled)
            throws IOException {
        // DJL's offline switch is process-wide: one download at a time flips and restores it
        synchronized (ZooDownload.class) {
            return fetchOnline(which, listener, cancelled);
        }
    }

    private static Path fetchOnline(ZooResNet which, Listener listener,
            BooleanSupplier cancelled) throws IOException {
        // DJL reads with plain URL connections, which wait for ever on a stalled network unless
        // the JDK's defaults say otherwise; Cancel only acts when bytes arrive
        setIfAbsent("sun.net.client.defaultConnectTimeout", "20000");
        setIfAbsent("sun.net.client.defaultReadTimeout", "60000");
        String before = System.getProperty(OFFLINE);
        System.setProperty(OFFLINE, "false");
        try {
            ModelZoo zoo = ModelZoo.getModelZoo(GROUP);
            ModelLoader loader = zoo == null ? null : zoo.getModelLoader("resnet");
            if (loader == null) {
                throw new IOException("DJL's MXNet model zoo is missing from this installation"
                        + " (the mxnet-model-zoo jar): reinstall the app");
            }
            MRL mrl = loader.getMrl();
            Artifact artifact = mrl.match(Map.of("layers", Integer.toString(which.layers()),
                    "flavor", "v1", "dataset", "imagenet"));
            if (artifact == null) {
                throw new IOException("DJL's MXNet model zoo does not offer " + which.artifact()
                        + " at the moment; try another depth");
            }
            mrl.prepare(artifact, new Reporter(listener, cancelled));
            return mrl.getRepository().getResourceDirectory(artifact);
        } catch (IOException e) {
            if (isOffline(e)) {
                throw new IOException("Cannot reach DJL's model zoo (mlrepo.djl.ai): this computer"
                        + " seems to be offline. The shipped models still work; download again"
                        + " when you are online.", e);
            }
            throw e;
        } finally {
            if (before == null) {
                System.clearProperty(OFFLINE);
            } else {
                System.setProperty(OFFLINE, before);
            }
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** True when {@code e} comes from a host that could not be reached. */
    public static boolean isOffline(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                    || t instanceof java.net.http.HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** DJL's progress callbacks, turned into bytes done / total, and the place to cancel. */
    private static final class Reporter implements Progress {
        private final Listener listener;
        private final BooleanSupplier cancelled;
        private long total;
        private long done;

        Reporter(Listener listener, BooleanSupplier cancelled) {
            this.listener = listener;
            this.cancelled = cancelled;
        }

        @Override
        public void reset(String message, long max, String trailingMessage) {
            total = Math.max(0, max);
            done = 0;
            report();
        }

        @Override
        public void start(long initialProgress) {
            done = initialProgress;
            report();
        }

        @Override
        public void end() {
            // DJL calls this at the end of each file; the caller learns of the end on return
        }

        @Override
        public void increment(long increment) {
            done += Math.max(0, increment);
            report();
        }

        @Override
        public void update(long progress, String message) {
            done = progress;
            report();
        }

        private void report() {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("download cancelled");
            }
            listener.progress(done, total);
        }
    }
}
