package org.resnetexplorer.app.inside;

/** A failure as one readable sentence for the view: the message, never a stack trace. */
public final class Messages {

    private Messages() {
    }

    public static String of(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        Throwable root = t;
        while (root.getMessage() == null && root.getCause() != null) {
            root = root.getCause();
        }
        String m = root.getMessage();
        if (m == null) {
            return root.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT);
        }
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
