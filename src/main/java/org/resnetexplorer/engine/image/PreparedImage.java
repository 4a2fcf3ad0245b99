package org.resnetexplorer.engine.image;

import org.resnetexplorer.model.InputShape;

/**
 * What the network actually sees, before normalisation: C x H x W values on a 0..1 scale. The GUI
 * shows it beside the original so a class can see why a photo may fool the model.
 *
 * @param inverted true when a light background was turned dark to match the training images
 */
public record PreparedImage(float[] pixels, InputShape shape, boolean inverted) {
}
