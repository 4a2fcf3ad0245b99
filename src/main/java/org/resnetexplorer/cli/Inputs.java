package org.resnetexplorer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.resnetexplorer.engine.ModelFolder;
import org.resnetexplorer.engine.ShippedModels;
import org.resnetexplorer.engine.UserModels;
import org.resnetexplorer.engine.zoo.ZooResNet;
import org.resnetexplorer.engine.data.DatasetNotFoundException;
import org.resnetexplorer.engine.data.FashionMnist;
import org.resnetexplorer.engine.data.ImageDataset;
import org.resnetexplorer.engine.data.ImageFolder;
import org.resnetexplorer.engine.Preprocessing;
import org.resnetexplorer.model.InputShape;
import org.resnetexplorer.model.NetworkSpec;
import org.resnetexplorer.model.Presets;
import org.resnetexplorer.model.SpecFormatException;
import org.resnetexplorer.model.SpecJson;

/** Turns the names and paths a user types into specs, model folders and data folders. */
final class Inputs {

    private Inputs() {
    }

    /** A preset name ("resnet56", "preact-resnet20", "plain-resnet20") or a *.resnet.json file. */
    static NetworkSpec arch(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (nameOrFile.endsWith(".json") || Files.isRegularFile(file)) {
            if (!Files.isRegularFile(file)) {
                throw new UserInputException("network file " + nameOrFile + " does not exist");
            }
            try {
                return SpecJson.read(file);
            } catch (SpecFormatException e) {
                throw new UserInputException(e.getMessage(), e);
            } catch (IOException e) {
                throw new UserInputException("cannot read " + nameOrFile + ": " + e.getMessage(), e);
            }
        }
        try {
            return Presets.get(nameOrFile);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /**
     * The network of {@code --arch}, fitted to a data set's image shape and classes, and
     * checked, so that training and comparing refuse an impossible network the same way.
     */
    static NetworkSpec archFor(String nameOrFile, org.resnetexplorer.engine.data.ImageDataset data,
            boolean plain) {
        NetworkSpec spec = arch(nameOrFile)
                .withInput(new InputShape(data.channels(), data.height(), data.width()))
                .withNumClasses(data.classes().size());
        if (plain) {
            spec = spec.plainTwin();
        }
        try {
            org.resnetexplorer.model.SpecValidator.requireValid(spec);
        } catch (org.resnetexplorer.model.InvalidSpecException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        return spec;
    }

    /** Refuses a batch the training images cannot fill even once. */
    static void requireBatchFits(org.resnetexplorer.engine.data.ImageDataset train, int limit,
            int batch) {
        int images = train.limit(limit).size();
        if (images < batch) {
            throw new UserInputException("only " + images + " training images for a batch of "
                    + batch + ": use a smaller --batch or a larger --limit");
        }
    }

    static InputShape shape(String text) {
        try {
            return InputShape.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /**
     * A model folder path, the name of a shipped model (under assets/models/), or the name of
     * one the user added (under ~/.resnet-explorer/models, e.g. a downloaded resnet50-imagenet).
     */
    static Path modelFolder(String nameOrDir) {
        Path dir = Path.of(nameOrDir);
        if (ModelFolder.isModelFolder(dir)) {
            return dir;
        }
        Path user = UserModels.list().get(nameOrDir);
        if (user != null) {
            return user;
        }
        String hint = ZooResNet.find(nameOrDir).isPresent() && nameOrDir.contains("imagenet")
                ? ": download it first with 'resnet-explorer download "
                        + nameOrDir.replace("-imagenet", "") + "'"
                : ": give a model folder (with " + ModelFolder.SPEC + " and " + ModelFolder.PARAMS
                        + "), the name of a folder under assets/models/, or of one under "
                        + UserModels.root();
        return ShippedModels.find(nameOrDir).orElseThrow(() -> new UserInputException("no model '"
                + nameOrDir + "'" + hint));
    }

    /** Training and test images, and how the network should see them. */
    record Data(ImageDataset train, ImageDataset test, Preprocessing preprocessing) {
    }

    /**
     * {@code --data}: "fashion-mnist", a folder with its IDX files, or a folder of the user's
     * own images with one subfolder per class, fitted to {@code shape} (the network's input).
     */
    static Data data(String data, InputShape shape, java.util.function.Consumer<String> warn)
            throws IOException {
        return data(data, shape, ImageFolder.FIT_WHOLE, false, warn);
    }

    /**
     * The test images of {@code --data} for a model: an image folder is fitted as the model
     * fits images ({@code fitting}) and only its test part is read.
     */
    static ImageDataset testData(String data, InputShape shape, Preprocessing fitting,
            java.util.function.Consumer<String> warn) throws IOException {
        return data(data, shape, fitting, true, warn).test();
    }

    private static Data data(String data, InputShape shape, Preprocessing fitting,
            boolean testOnly, java.util.function.Consumer<String> warn) throws IOException {
        Path dir = Path.of(data.replaceFirst("(?i)^(fashion-mnist|images):", ""));
        if (!data.equalsIgnoreCase("fashion-mnist") && !FashionMnist.isComplete(dir)
                && Files.isDirectory(dir)) {
            try {
                ImageFolder.Split split = ImageFolder.load(dir, shape, fitting, testOnly);
                split.notes().stream().limit(5).forEach(warn);
                if (split.notes().size() > 5) {
                    warn.accept("(and " + (split.notes().size() - 5) + " more notes)");
                }
                return new Data(split.train(), split.test(), testOnly ? null
                        : ImageFolder.preprocessing(split.train()));
            } catch (DatasetNotFoundException e) {
                throw new UserInputException(ImageFolder.looksLikeOne(dir) ? e.getMessage()
                        : "--data " + data + " is neither 'fashion-mnist', nor a folder with the"
                                + " four Fashion-MNIST IDX files, nor a folder of images with one"
                                + " subfolder per class (" + e.getMessage() + ")", e);
            }
        }
        Path fashion = fashionMnist(data);
        return new Data(testOnly ? null : FashionMnist.train(fashion), FashionMnist.test(fashion),
                FashionMnist.PREPROCESSING);
    }

    /** "fashion-mnist" (the usual search path) or a folder holding its four IDX files. */
    static Path fashionMnist(String data) {
        if (data.equalsIgnoreCase("fashion-mnist")) {
            try {
                return FashionMnist.locate();
            } catch (DatasetNotFoundException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        Path dir = Path.of(data.replaceFirst("(?i)^fashion-mnist:", ""));
        if (FashionMnist.isComplete(dir)) {
            return dir;
        }
        throw new UserInputException("--data " + data + " is neither 'fashion-mnist', nor a"
                + " folder with the four Fashion-MNIST IDX files (train-images-idx3-ubyte[.gz],"
                + " ...), nor a folder of images with one subfolder per class");
    }
}
