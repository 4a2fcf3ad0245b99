package org.resnetexplorer.model;

/**
 * Global average pool and one fully-connected layer. Pre-activation networks add a final batch
 * norm and ReLU before the pool ({@code finalNorm}), since their blocks end with a convolution.
 */
public record HeadSpec(boolean finalNorm) {

    public static HeadSpec standard() {
        return new HeadSpec(false);
    }
}
