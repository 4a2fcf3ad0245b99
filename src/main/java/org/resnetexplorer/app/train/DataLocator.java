package org.resnetexplorer.app.train;

import java.nio.file.Path;
import org.resnetexplorer.engine.data.DatasetNotFoundException;

/** Where Fashion-MNIST is: the real search path in the app, a small sample in tests. */
@FunctionalInterface
public interface DataLocator {
    Path locate() throws DatasetNotFoundException;
}
