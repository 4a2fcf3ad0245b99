package org.resnetexplorer.app.train;

import java.io.IOException;
import java.util.function.DoubleConsumer;

/** Fetches Fashion-MNIST when the user asks: the real download in the app, a stand-in in tests. */
@FunctionalInterface
public interface DataDownloader {

    /** @param progress receives 0..1 as the files arrive */
    void download(DoubleConsumer progress) throws IOException, InterruptedException;
}
