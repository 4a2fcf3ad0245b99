package org.resnetexplorer.model;

/**
 * One residual unit.
 *
 * @param kind basic (3x3, 3x3) or bottleneck (1x1, 3x3, 1x1)
 * @param outChannels channels the block outputs
 * @param stride spatial stride of the block (1 keeps the size, 2 halves it)
 * @param shortcut how x reaches the sum; NONE in the plain twin
 * @param preActivation BN-ReLU before each convolution (He et al. 2016) instead of after
 * @param bottleneckWidth inner width of a bottleneck (ignored for basic blocks, 0 there)
 * @param strideIn3x3 bottleneck only: stride in the 3x3 convolution (torchvision "v1.5") rather
 *     than in the first 1x1 (the paper's v1); changes multiply-adds, not parameters
 */
public record BlockSpec(BlockKind kind, int outChannels, int stride, ShortcutKind shortcut,
        boolean preActivation, int bottleneckWidth, boolean strideIn3x3) {

    public static BlockSpec basic(int outChannels, int stride, ShortcutKind shortcut) {
        return new BlockSpec(BlockKind.BASIC, outChannels, stride, shortcut, false, 0, false);
    }

    public static BlockSpec bottleneck(int width, int outChannels, int stride,
            ShortcutKind shortcut) {
        return new BlockSpec(BlockKind.BOTTLENECK, outChannels, stride, shortcut, false, width,
                true);
    }

    public BlockSpec withShortcut(ShortcutKind value) {
        return new BlockSpec(kind, outChannels, stride, value, preActivation, bottleneckWidth,
                strideIn3x3);
    }

    public BlockSpec withPreActivation(boolean value) {
        return new BlockSpec(kind, outChannels, stride, shortcut, value, bottleneckWidth,
                strideIn3x3);
    }

    public BlockSpec withStrideIn3x3(boolean value) {
        return new BlockSpec(kind, outChannels, stride, shortcut, preActivation, bottleneckWidth,
                value);
    }

    /** True when this block changes the tensor shape of an input with {@code inChannels}. */
    public boolean changesShape(int inChannels) {
        return stride != 1 || inChannels != outChannels;
    }
}
