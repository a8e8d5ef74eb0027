package dev.nettune.cli;

import dev.nettune.host.Printable;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the terminal shows for a failure: NetTune's own message, or for an exception the JDK wrote a plain
 * sentence instead of its text ("No value present", "For input string", "Is a directory", a class name);
 * control characters escaped, because messages carry host and user text.
 */
final class UserMessages {
    private static final Logger LOG = LoggerFactory.getLogger(UserMessages.class);
    /** A qualified Java type name in a message ({@code java.lang.NumberFormatException:} and the like). */
    private static final Pattern JAVA_TYPE = Pattern.compile(
            "\\(?\\b(?:java|javax|jdk|sun|com|org|net|dev|picocli)\\.[\\w.$]*\\.[A-Z][\\w$]*(?:Exception|Error)\\b\\)?:?\\s*");
    private static final Pattern FOR_INPUT_STRING = Pattern.compile("For input string: \"([^\"]*)\"(?: under radix \\d+)?");
    private static final int MAX_MESSAGE = 2000;

    private UserMessages() {
    }

    /** The sentence for {@code e}; never a Java type name or stack text. */
    static String of(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.io.UncheckedIOException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String text = plain(t);
        if (text == null || text.isBlank()) {
            LOG.debug("Failure without a message", e);
            text = CliText.format("error.internal", t.getClass().getSimpleName().replaceAll("(Exception|Error)$", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT));
        }
        return scrub(text);
    }

    /** Removes Java type names and JDK wording from a message (picocli's conversion errors quote them). */
    static String scrub(String message) {
        if (message == null) {
            return "";
        }
        String m = JAVA_TYPE.matcher(message).replaceAll("");
        // The JDK's words are said again in the CLI's language; the value it quotes stays as it came.
        m = FOR_INPUT_STRING.matcher(m).replaceAll(r -> java.util.regex.Matcher.quoteReplacement(CliText.format("error.notANumber", r.group(1))));
        m = m.replace("No value present", CliText.get("error.valueMissingShort"));
        m = m.replace(": Is a directory", CliText.get("error.isAFolderSuffix"));
        m = Printable.escapeText(m);
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + CliText.get("error.messageCut") : m;
    }

    private static String plain(Throwable t) {
        if (t instanceof NoSuchFileException f) {
            return CliText.format("error.noSuchFile", Printable.clip(f.getFile()));
        }
        if (t instanceof AccessDeniedException f) {
            return CliText.format("error.permissionDenied", Printable.clip(f.getFile()));
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            // A Chinese frame around the JDK's own reason (the operating system's words), which stays as it came.
            return f.getReason().equals("Is a directory") ? CliText.format("error.isAFolder", Printable.clip(String.valueOf(f.getFile())))
                    : CliText.format("error.fileSystem", Printable.clip(String.valueOf(f.getFile())), f.getReason().toLowerCase(java.util.Locale.ROOT));
        }
        if (t instanceof InvalidPathException p) {
            return CliText.format("error.badFileName", Printable.clip(p.getInput()), p.getReason());
        }
        if (t instanceof NumberFormatException) {
            return FOR_INPUT_STRING.matcher(String.valueOf(t.getMessage())).find()
                    ? CliText.format("error.wholeNumber", scrub(t.getMessage())) : CliText.get("error.numberExpected");
        }
        if (t instanceof NoSuchElementException || t instanceof NullPointerException) {
            LOG.debug("Missing value", t);
            return CliText.get("error.valueMissing");
        }
        if (t instanceof OutOfMemoryError) {
            return CliText.get("error.tooLargeForMemory");
        }
        return CliText.problem(t);
    }
}
