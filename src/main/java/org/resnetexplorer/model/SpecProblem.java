package org.resnetexplorer.model;

/**
 * One thing wrong with a spec, tied to the place it belongs to so an editor can mark it.
 *
 * @param stage 1-based stage index, or 0 for the network as a whole
 * @param block 1-based block index within the stage, or 0 for the stage as a whole
 * @param message what is wrong and how to fix it
 */
public record SpecProblem(int stage, int block, String message) {

    @Override
    public String toString() {
        if (stage == 0) {
            return message;
        }
        if (block == 0) {
            return "stage " + stage + ": " + message;
        }
        return "stage " + stage + ", block " + block + ": " + message;
    }
}
