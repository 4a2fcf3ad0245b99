package org.resnetexplorer.app.welcome;

/**
 * The three guided lessons of the welcome view: what to say, and which tab shows it. The texts
 * are for reading aloud in class, so they stay short and make no claim the views cannot back.
 */
public enum Lesson {

    GRADIENTS("gradients", "Exploding, not vanishing: gradients at the start",
            "Before any training, one batch of images goes forward and backward through a"
            + " 56-layer ResNet and through its plain twin, the same layers without skip"
            + " connections, and we measure how large the gradient is at every block. You might"
            + " expect the plain network's gradient to vanish on its way back to the input. With"
            + " batch normalisation it does not: it grows, by roughly 4,000 times over the 27"
            + " blocks, while the ResNet's stays within about 16 times. He et al. (2015) note"
            + " that batch norm prevents vanishing gradients, and that the plain network's real"
            + " trouble is optimisation, not vanishing.",
            "Show ResNet-56 and plain-56 at initialisation", "gradientsTab"),

    DEGRADATION("degradation", "The degradation problem",
            "More layers should never make a network worse at fitting its training data: the"
            + " extra layers could simply pass their input on. Yet a deeper plain network ends"
            + " up with a higher training error than a shallower one. Because it is the"
            + " training error that rises, this is not overfitting: the deeper plain network is"
            + " harder to optimise. ResNets do not degrade like this, because each block only"
            + " has to learn a change to its input. Train & Compare draws the saved training"
            + " curves of the shipped networks: dashed lines are training error.",
            "Show the shipped training histories", "trainTab"),

    RESIDUAL_BLOCK("residual-block", "What a residual block computes",
            "A residual block does not build its output from scratch: it computes a"
            + " correction F(x) and adds it to its input, giving x + F(x). If the best a block"
            + " can do is nothing, it only has to push F(x) towards zero, which is easier than"
            + " learning to copy its input through several layers. The first chart shows"
            + " |F(x)| / |x| for every block of the trained ResNet-20: below 1, a block nudges"
            + " its input rather than replacing it. The other is the paper's Figure 7, the"
            + " spread of each layer's responses, which He et al. found generally smaller in"
            + " ResNets than in plain networks.",
            "Show the shortcuts of the trained ResNet-20", "shortcutsTab");

    private final String id;
    private final String title;
    private final String explanation;
    private final String action;
    private final String tabId;

    Lesson(String id, String title, String explanation, String action, String tabId) {
        this.id = id;
        this.title = title;
        this.explanation = explanation;
        this.action = action;
        this.tabId = tabId;
    }

    /** Short and stable, for fx:ids and tests. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    /** The label of the button that sets the app up for the lesson. */
    public String action() {
        return action;
    }

    /** The bottom tab (its fx:id) the lesson ends on. */
    public String tabId() {
        return tabId;
    }

    /** 1, 2, 3: the number the welcome view shows. */
    public int number() {
        return ordinal() + 1;
    }
}
