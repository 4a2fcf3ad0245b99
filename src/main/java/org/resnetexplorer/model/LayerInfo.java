package org.resnetexplorer.model;

/**
 * One layer of a network as the model layer computes it, without building anything.
 *
 * @param name dotted path, e.g. {@code stage2.block1.conv1}; the engine uses the same names
 * @param type conv, batchnorm, relu, maxpool, avgpool, fc, add, zeropad
 * @param outShape output shape of one image
 * @param params trainable parameters (batch norm's running statistics are not trainable)
 * @param macs multiply-adds for one image (convolutions and fully-connected layers only)
 * @param weighted true for the convolutions and the fully-connected layer on the main path,
 *     the layers the paper counts in "20 layers"; projection shortcuts are weighted but not counted
 * @param kernel window size of a convolution or pool (0 where there is none)
 * @param stride stride of a convolution, pool or zero-padding shortcut (1 elsewhere)
 */
public record LayerInfo(String name, String type, InputShape outShape, long params, long macs,
        boolean weighted, int kernel, int stride) {

    /** True for layers on a block's skip connection ("stage2.block1.shortcut.conv"). */
    public boolean onShortcut() {
        return name.contains(".shortcut.");
    }

    /** Values one image leaves in this layer's output. */
    public long activations() {
        return (long) outShape.channels() * outShape.height() * outShape.width();
    }

    /** The block path ("stage2.block1") this layer belongs to, or "stem"/"head". */
    public String owner() {
        int cut = name.lastIndexOf('.');
        String parent = cut < 0 ? name : name.substring(0, cut);
        return parent.endsWith(".shortcut") ? parent.substring(0, parent.length() - 9) : parent;
    }
}
