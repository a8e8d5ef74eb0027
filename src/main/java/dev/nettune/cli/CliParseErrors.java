package dev.nettune.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * picocli's own parse errors ("Unknown option", "Missing required parameter", "Invalid value for option" ...) in the
 * CLI's language: picocli builds them in English only, so each known shape is recognised and said again from the
 * bundle ({@code parse.*} keys); a shape not known here stays as picocli wrote it.
 */
final class CliParseErrors {
    private record Shape(Pattern english, String key) {
    }

    // picocli 4.7's messages (CommandLine.java: UnmatchedArgumentException, MissingParameterException, ...).
    private static final List<Shape> SHAPES = List.of(
            new Shape(Pattern.compile("Unknown options?: (.*)"), "parse.unknownOption"),
            new Shape(Pattern.compile("Unmatched arguments? (?:at|from) index (\\d+): (.*)"), "parse.unmatched"),
            new Shape(Pattern.compile("Missing required parameters?: (.*)"), "parse.missingParameter"),
            new Shape(Pattern.compile("Missing required options?: (.*)"), "parse.missingOption"),
            new Shape(Pattern.compile("Missing required parameter for option '([^']*)' \\((.*)\\)"), "parse.missingOptionValue"),
            new Shape(Pattern.compile("Expected parameter for option '([^']*)' but found '([^']*)'"), "parse.expectedValue"),
            new Shape(Pattern.compile("Invalid value for option '([^']*)': (.*)", Pattern.DOTALL), "parse.invalidOption"),
            new Shape(Pattern.compile("Invalid value for positional parameter at index (\\S+) \\(([^)]*)\\): (.*)", Pattern.DOTALL),
                    "parse.invalidPositional"),
            new Shape(Pattern.compile("option '([^']*)' \\(([^)]*)\\) should be specified only once"), "parse.onlyOnce"),
            new Shape(Pattern.compile("(?:Error: )?(.*) are mutually exclusive \\(specify only one\\)"), "parse.mutuallyExclusive"),
            new Shape(Pattern.compile("(?:Error: )?Missing required argument\\(s\\): (.*)"), "parse.missingArguments"));

    // The reasons inside "Invalid value for ...": NetTune's number converters say theirs before --lang is read (picocli
    // converts a value as it meets it), so they come in English and are said again; then picocli's own conversion words.
    private static final List<Shape> REASONS = List.of(
            new Shape(Pattern.compile("'(.*)' is not a whole number: write digits 0-9 \\(like 42\\), without '\\+', spaces, a decimal"
                    + " point or an exponent", Pattern.DOTALL), "error.notWholeNumber"),
            new Shape(Pattern.compile("'(.*)' is too large; allowed: (\\S+) to (\\S+)", Pattern.DOTALL), "error.tooLarge"),
            new Shape(Pattern.compile("expected one of \\[(.*)\\] \\(case-(?:in)?sensitive\\) but was '(.*)'", Pattern.DOTALL),
                    "parse.expectedOneOf"),
            new Shape(Pattern.compile("'(.*)' is not an? ([\\w.]+)", Pattern.DOTALL), "parse.notA"));

    private CliParseErrors() {
    }

    /** The error in the CLI's language. */
    static String say(CommandLine.ParameterException ex) {
        String english = String.valueOf(ex.getMessage());
        if (!"zh".equals(CliText.locale().getLanguage())) {
            return english;
        }
        for (Shape s : SHAPES) {
            Matcher m = s.english().matcher(english);
            if (m.matches()) {
                Object[] groups = new Object[m.groupCount()];
                for (int i = 0; i < groups.length; i++) {
                    groups[i] = reason(m.group(i + 1));
                }
                return CliText.format(s.key(), groups);
            }
        }
        return english;
    }

    /** A conversion reason in the CLI's language when its shape is known; else as it came. */
    private static String reason(String english) {
        if (english == null) {
            return null;
        }
        for (Shape s : REASONS) {
            Matcher m = s.english().matcher(english);
            if (m.matches()) {
                Object[] groups = new Object[m.groupCount()];
                for (int i = 0; i < groups.length; i++) {
                    groups[i] = m.group(i + 1);
                }
                return CliText.format(s.key(), groups);
            }
        }
        return english;
    }

    /** picocli's "Did you mean" line in the CLI's language, or nothing when it has no suggestion. */
    static boolean printSuggestions(CommandLine.ParameterException ex, java.io.PrintWriter err) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getSuggestions().isEmpty()) {
            return false;
        }
        if (!"zh".equals(CliText.locale().getLanguage())) {
            return CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        }
        String prefix = ex.getCommandLine().getCommandSpec().qualifiedName() + " ";
        boolean option = u.getUnmatched().stream().anyMatch(a -> a.startsWith("-"));
        err.println(CliText.format("parse.didYouMean", String.join(", ", u.getSuggestions().stream()
                .map(s -> option ? s : prefix.replaceFirst("^nettune ", "") + s).toList())));
        return true;
    }

    /**
     * The language {@code --lang} names among the arguments, applied before the error is said: a parse error met before
     * picocli reached {@code --lang} (an unknown option in front of it) would otherwise be said in the environment's.
     */
    static void useLanguageOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--lang=") ? args[i].substring(7)
                    : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null) {
                try {
                    CliText.use(CliLocale.fromOption(value));
                } catch (CliInputException e) {
                    // A language NetTune does not speak: the environment's stays; the error names the bad value anyway.
                }
            }
        }
    }

}
