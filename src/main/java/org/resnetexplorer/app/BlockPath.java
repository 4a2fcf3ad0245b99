package org.resnetexplorer.app;

/** Where a block sits: 0-based stage and block index (SpecProblem counts from 1). */
public record BlockPath(int stage, int block) {

    /** "stage 2, block 1", the way the validator and the teacher count. */
    public String label() {
        return "stage " + (stage + 1) + ", block " + (block + 1);
    }
}
