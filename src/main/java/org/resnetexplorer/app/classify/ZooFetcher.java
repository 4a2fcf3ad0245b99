package org.resnetexplorer.app.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.resnetexplorer.engine.zoo.ZooDownload;
import org.resnetexplorer.engine.zoo.ZooResNet;

/** Gets an ImageNet ResNet's zoo files onto this computer: {@link ZooDownload#fetch}. */
@FunctionalInterface
public interface ZooFetcher {

    /** The folder with the zoo's files; throws CancellationException when cancelled. */
    Path fetch(ZooResNet which, ZooDownload.Listener listener, BooleanSupplier cancelled)
            throws IOException;
}
