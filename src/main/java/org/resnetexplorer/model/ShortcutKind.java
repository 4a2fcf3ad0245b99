package org.resnetexplorer.model;

/**
 * How a block's input reaches its output. IDENTITY only where the shape is kept; ZERO_PAD (the
 * paper's option A) subsamples and pads new channels with zeros; PROJECTION is a strided 1x1
 * convolution with batch norm; NONE is the plain network, with no skip connection at all.
 */
public enum ShortcutKind {
    IDENTITY,
    ZERO_PAD,
    PROJECTION,
    NONE
}
