package org.newspipeline.enrich.text;

/** Where a text may be cut without breaking a character. */
public final class Cuts {

    private Cuts() {
    }

    /**
     * {@code index}, or the one before it when a cut there would fall between the two halves of a
     * surrogate pair (an emoji): a lone half is not text, and the record could not be written as JSON.
     */
    public static int atOrBefore(String text, int index) {
        return index > 0 && index < text.length() && Character.isHighSurrogate(text.charAt(index - 1)) ? index - 1 : index;
    }
}
