package dev.atrium.gateway.domain;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Repairs the usual ways a model breaks JSON it was asked for: a markdown fence or prose around
 * it, trailing commas, and a cut-off end (open strings, objects and arrays are closed).
 * It does not guess at content: what it cannot repair it leaves as it was.
 */
public final class JsonHealing {

    private JsonHealing() {
    }

    public static String repair(String text) {
        if (text == null) {
            return null;
        }
        String body = stripFence(text.strip());
        int start = firstOpening(body);
        if (start < 0) {
            return text;
        }
        body = body.substring(start);
        StringBuilder out = new StringBuilder(body.length() + 8);
        Deque<Character> open = new ArrayDeque<>();
        boolean inString = false;
        boolean escaped = false;
        int end = body.length();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                out.append(c);
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    open.push(c == '{' ? '}' : ']');
                    out.append(c);
                }
                case '}', ']' -> {
                    dropTrailingComma(out);
                    if (!open.isEmpty()) {
                        open.pop();
                    }
                    out.append(c);
                    if (open.isEmpty()) {
                        end = i + 1;
                        i = body.length();
                    }
                }
                default -> out.append(c);
            }
        }
        if (inString) {
            out.append('"');
        }
        while (!open.isEmpty()) {
            dropTrailingComma(out);
            out.append(open.pop());
        }
        return end < body.length() ? out.toString() : out.toString().strip();
    }

    private static String stripFence(String text) {
        if (!text.startsWith("```")) {
            return text;
        }
        int firstNewline = text.indexOf('\n');
        String inner = firstNewline < 0 ? "" : text.substring(firstNewline + 1);
        int close = inner.lastIndexOf("```");
        return (close >= 0 ? inner.substring(0, close) : inner).strip();
    }

    private static int firstOpening(String text) {
        int brace = text.indexOf('{');
        int bracket = text.indexOf('[');
        if (brace < 0) {
            return bracket;
        }
        return bracket < 0 ? brace : Math.min(brace, bracket);
    }

    private static void dropTrailingComma(StringBuilder out) {
        int i = out.length() - 1;
        while (i >= 0 && Character.isWhitespace(out.charAt(i))) {
            i--;
        }
        if (i >= 0 && out.charAt(i) == ',') {
            out.deleteCharAt(i);
        }
    }
}
