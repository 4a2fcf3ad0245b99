package org.resnetexplorer.model;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be built; the message lists every problem with its stage and block. */
public class InvalidSpecException extends IllegalArgumentException {

    private final transient List<SpecProblem> problems;

    public InvalidSpecException(String networkName, List<SpecProblem> problems) {
        super(problems.stream().map(SpecProblem::toString)
                .collect(Collectors.joining("; ", "'" + networkName + "' is not a valid network: ", "")));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
