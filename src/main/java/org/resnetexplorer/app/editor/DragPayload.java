package org.resnetexplorer.app.editor;

import java.util.Optional;
import org.resnetexplorer.app.BlockPath;
import org.resnetexplorer.model.BlockKind;

/**
 * What is being dragged, as the plain string the dragboard carries: "new-block:BASIC",
 * "new-stage", or "move-block:1:0" (0-based stage and block).
 */
public sealed interface DragPayload {

    String encode();

    record NewBlock(BlockKind kind) implements DragPayload {
        @Override
        public String encode() {
            return "new-block:" + kind.name();
        }
    }

    record NewStage() implements DragPayload {
        @Override
        public String encode() {
            return "new-stage";
        }
    }

    record MoveBlock(BlockPath from) implements DragPayload {
        @Override
        public String encode() {
            return "move-block:" + from.stage() + ":" + from.block();
        }
    }

    /** Empty for anything that is not ours (text dragged in from another program). */
    static Optional<DragPayload> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":");
        try {
            return switch (parts[0]) {
                case "new-block" -> parts.length == 2
                        ? Optional.of(new NewBlock(BlockKind.valueOf(parts[1]))) : Optional.empty();
                case "new-stage" -> parts.length == 1
                        ? Optional.of(new NewStage()) : Optional.empty();
                case "move-block" -> parts.length == 3 ? Optional.of(new MoveBlock(
                        new BlockPath(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]))))
                        : Optional.empty();
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
