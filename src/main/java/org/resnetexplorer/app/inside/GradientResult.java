package org.resnetexplorer.app.inside;

import org.resnetexplorer.engine.probe.GradientReport;

/** One backward pass of each network over the same labelled batch. */
public record GradientResult(String resnetName, boolean resnetTrained, boolean plainTrained,
        String batchSource, int batch, GradientReport resnet, GradientReport plain) {
}
