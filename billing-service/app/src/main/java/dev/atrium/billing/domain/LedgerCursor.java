package dev.atrium.billing.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque {@code cursor} of ledger pages: the sequence of the last entry shown, encoded. */
public final class LedgerCursor {

    private static final String VERSION = "le1:";

    private LedgerCursor() {
    }

    public static String encode(long sequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + sequence).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException when the text is no cursor this service wrote */
    public static long decode(String cursor) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is malformed");
        }
        if (!text.startsWith(VERSION)) {
            throw new IllegalArgumentException("cursor is malformed");
        }
        try {
            long sequence = Long.parseLong(text.substring(VERSION.length()));
            if (sequence <= 0) {
                throw new IllegalArgumentException("cursor is malformed");
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor is malformed");
        }
    }
}
