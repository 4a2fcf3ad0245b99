package org.resnetexplorer.model;

/** The two residual units of the paper: two 3x3 convolutions, or 1x1-3x3-1x1. */
public enum BlockKind {
    BASIC,
    BOTTLENECK
}
