package org.resnetexplorer.engine;

import java.util.List;

/** Accuracy and confusion matrix (rows: true class, columns: predicted class). */
public record Evaluation(List<String> labels, int[][] confusion) {

    public int total() {
        int n = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        int total = total();
        return total == 0 ? 0 : correct / (double) total;
    }
}
