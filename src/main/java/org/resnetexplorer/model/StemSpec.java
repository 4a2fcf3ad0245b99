package org.resnetexplorer.model;

/**
 * The first layers before the residual stages: a convolution, batch norm and ReLU, optionally
 * followed by a 3x3 stride-2 max pool (the ImageNet stem is 7x7/2 + pool; the CIFAR stem 3x3/1).
 */
public record StemSpec(int outChannels, int kernel, int stride, boolean maxPool) {

    public static StemSpec imagenet() {
        return new StemSpec(64, 7, 2, true);
    }

    public static StemSpec cifar() {
        return new StemSpec(16, 3, 1, false);
    }
}
