package org.resnetexplorer.app;

import org.resnetexplorer.model.NetworkAnalysis;

/** The totals the status bar shows, already formatted; dashes while the network is invalid. */
public record NetworkSummary(String params, String macs, String depth, String memory) {

    public static final NetworkSummary NONE = new NetworkSummary("—", "—", "—", "—");

    public static NetworkSummary of(NetworkAnalysis analysis) {
        if (analysis == null) {
            return NONE;
        }
        return new NetworkSummary(Formats.count(analysis.params()), Formats.giga(analysis.macs()),
                Integer.toString(analysis.depth()), Formats.bytes(analysis.activationBytes()));
    }
}
