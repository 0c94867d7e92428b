package dev.atrium.local.simulator;

import java.util.concurrent.ThreadLocalRandom;

/** Random ids in the providers' own formats, so clients that check prefixes are satisfied. */
final class Ids {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {
    }

    static String openAiCompletion() {
        return "chatcmpl-" + random(29);
    }

    static String anthropicMessage() {
        return "msg_01" + random(22);
    }

    static String anthropicToolUse() {
        return "toolu_01" + random(22);
    }

    private static String random(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
