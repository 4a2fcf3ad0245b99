package org.resnetexplorer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Every layer of a spec with its output shape, parameters and multiply-adds, computed by
 * arithmetic alone. The engine builds the same layers under the same names, so the two can be
 * checked against each other.
 */
public final class NetworkAnalysis {

    private final NetworkSpec spec;
    private final List<LayerInfo> layers;

    private NetworkAnalysis(NetworkSpec spec, List<LayerInfo> layers) {
        this.spec = spec;
        this.layers = List.copyOf(layers);
    }

    /** Analyses a valid spec; throws {@link InvalidSpecException} otherwise. */
    public static NetworkAnalysis of(NetworkSpec spec) {
        SpecValidator.requireValid(spec);
        Walker w = new Walker(spec.input());
        StemSpec stem = spec.stem();
        w.conv("stem.conv", stem.outChannels(), stem.kernel(), stem.stride(), true);
        w.norm("stem.bn");
        w.relu("stem.relu");
        if (stem.maxPool()) {
            w.maxPool("stem.pool");
        }
        for (int s = 0; s < spec.stages().size(); s++) {
            List<BlockSpec> blocks = spec.stages().get(s).blocks();
            for (int b = 0; b < blocks.size(); b++) {
                w.block(blockName(s, b), blocks.get(b));
            }
        }
        if (spec.head().finalNorm()) {
            w.norm("head.bn");
            w.relu("head.relu");
        }
        w.globalPool("head.pool");
        w.fc("head.fc", spec.numClasses());
        return new NetworkAnalysis(spec, w.layers);
    }

    /** "stage2.block1" for 0-based stage 1, block 0. */
    public static String blockName(int stage, int block) {
        return "stage" + (stage + 1) + ".block" + (block + 1);
    }

    public NetworkSpec spec() {
        return spec;
    }

    public List<LayerInfo> layers() {
        return layers;
    }

    public long params() {
        return layers.stream().mapToLong(LayerInfo::params).sum();
    }

    public long macs() {
        return layers.stream().mapToLong(LayerInfo::macs).sum();
    }

    /** Weighted layers on the main path: 20 for ResNet-20, 50 for ResNet-50. */
    public int depth() {
        return (int) layers.stream().filter(LayerInfo::weighted).count();
    }

    public InputShape outputShape() {
        return layers.get(layers.size() - 1).outShape();
    }

    /** Bytes of float activations one image leaves in all layer outputs during a forward pass. */
    public long activationBytes() {
        return 4 * layers.stream().mapToLong(LayerInfo::activations).sum();
    }

    public LayerInfo layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer named '" + name + "'"));
    }

    /** Follows the tensor through the network, recording one LayerInfo per layer. */
    private static final class Walker {
        private final List<LayerInfo> layers = new ArrayList<>();
        private InputShape shape;

        Walker(InputShape input) {
            this.shape = input;
        }

        void block(String name, BlockSpec b) {
            InputShape in = shape;
            boolean pre = b.preActivation();
            int s1 = b.stride();
            if (b.kind() == BlockKind.BASIC) {
                if (pre) {
                    norm(name + ".bn1");
                    relu(name + ".relu1");
                }
                conv(name + ".conv1", b.outChannels(), 3, s1, true);
                if (!pre) {
                    norm(name + ".bn1");
                    relu(name + ".relu1");
                } else {
                    norm(name + ".bn2");
                    relu(name + ".relu2");
                }
                conv(name + ".conv2", b.outChannels(), 3, 1, true);
                if (!pre) {
                    norm(name + ".bn2");
                }
            } else {
                int first = b.strideIn3x3() ? 1 : b.stride();
                int middle = b.strideIn3x3() ? b.stride() : 1;
                if (pre) {
                    norm(name + ".bn1");
                    relu(name + ".relu1");
                }
                conv(name + ".conv1", b.bottleneckWidth(), 1, first, true);
                norm(name + (pre ? ".bn2" : ".bn1"));
                relu(name + (pre ? ".relu2" : ".relu1"));
                conv(name + ".conv2", b.bottleneckWidth(), 3, middle, true);
                norm(name + (pre ? ".bn3" : ".bn2"));
                relu(name + (pre ? ".relu3" : ".relu2"));
                conv(name + ".conv3", b.outChannels(), 1, 1, true);
                if (!pre) {
                    norm(name + ".bn3");
                }
            }
            InputShape branchOut = shape;
            switch (b.shortcut()) {
                case PROJECTION -> {
                    shape = in;
                    conv(name + ".shortcut.conv", b.outChannels(), 1, b.stride(), false);
                    norm(name + ".shortcut.bn");
                }
                case ZERO_PAD -> {
                    shape = new InputShape(b.outChannels(), outSize(in.height(), 1, b.stride()),
                            outSize(in.width(), 1, b.stride()));
                    add(name + ".shortcut.pad", "zeropad", 0, 0, false, 0, b.stride());
                }
                default -> {
                }
            }
            shape = branchOut;
            if (b.shortcut() != ShortcutKind.NONE) {
                add(name + ".add", "add", 0, 0, false);
            }
            if (!pre) {
                relu(name + ".relu");
            }
        }

        void conv(String name, int out, int kernel, int stride, boolean counted) {
            int in = shape.channels();
            shape = new InputShape(out, outSize(shape.height(), kernel, stride),
                    outSize(shape.width(), kernel, stride));
            long weights = (long) out * in * kernel * kernel;
            long positions = (long) shape.height() * shape.width();
            add(name, "conv", weights, weights * positions, counted, kernel, stride);
        }

        void norm(String name) {
            add(name, "batchnorm", 2L * shape.channels(), 0, false);
        }

        void relu(String name) {
            add(name, "relu", 0, 0, false);
        }

        void maxPool(String name) {
            shape = new InputShape(shape.channels(), outSize(shape.height(), 3, 2),
                    outSize(shape.width(), 3, 2));
            add(name, "maxpool", 0, 0, false, 3, 2);
        }

        void globalPool(String name) {
            shape = new InputShape(shape.channels(), 1, 1);
            add(name, "avgpool", 0, 0, false);
        }

        void fc(String name, int out) {
            long in = shape.channels();
            shape = new InputShape(out, 1, 1);
            add(name, "fc", in * out + out, in * out, true);
        }

        private void add(String name, String type, long params, long macs, boolean weighted) {
            add(name, type, params, macs, weighted, 0, 1);
        }

        private void add(String name, String type, long params, long macs, boolean weighted,
                int kernel, int stride) {
            layers.add(new LayerInfo(name, type, shape, params, macs, weighted, kernel, stride));
        }

        /** Output size of a window of size k, padding k/2, stride s: "same" convolution. */
        static int outSize(int size, int kernel, int stride) {
            int pad = kernel / 2;
            return (size + 2 * pad - kernel) / stride + 1;
        }
    }
}
