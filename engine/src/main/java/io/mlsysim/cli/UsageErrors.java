package io.mlsysim.cli;

import io.mlsysim.text.NameMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * One line for a command-line mistake: what was wrong, the nearest valid spelling when there is
 * one, and where to read more. picocli's own wording is kept where it already names the option
 * and the value.
 */
final class UsageErrors {
  private UsageErrors() {}

  static String describe(ParameterException ex) {
    CommandSpec spec = ex.getCommandLine().getCommandSpec();
    String help = " (see '" + spec.qualifiedName() + " --help')";
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      return unmatched(spec, u.getUnmatched().get(0)) + help;
    }
    String m = ex.getMessage().replace("is not an int", "is not a whole number")
        .replace("is not a long", "is not a whole number")
        .replace("is not a double", "is not a number");
    return m + help;
  }

  private static String unmatched(CommandSpec spec, String token) {
    if (token.startsWith("-")) {
      String name = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
      List<String> names = new ArrayList<>();
      spec.options().forEach(o -> names.addAll(List.of(o.names())));
      return "unknown option '" + name + "'" + suggestion(name, names);
    }
    if (spec.parent() == null && GlobalArgs.SPARK_COMMANDS.contains(token)) { // started without Spark
      return "'" + token + "' needs Spark on the class path; run it through the ./mlsysim launcher, which adds it";
    }
    if (!spec.subcommands().isEmpty()) {
      Set<String> names = new TreeSet<>(spec.subcommands().keySet());
      names.remove("help");
      if (spec.parent() == null) {
        names.addAll(GlobalArgs.SPARK_COMMANDS);
      }
      return "unknown command '" + token + "' for " + spec.qualifiedName() + suggestion(token, names)
          + "; commands: " + String.join(", ", names);
    }
    return "unexpected argument '" + token + "'";
  }

  private static String suggestion(String given, java.util.Collection<String> known) {
    List<String> s = NameMatcher.suggest(given.replaceFirst("^-+", ""), known.stream()
        .map(k -> k.replaceFirst("^-+", "")).toList());
    if (s.isEmpty()) {
      return "";
    }
    String dashes = given.startsWith("--") ? "--" : given.startsWith("-") ? (s.get(0).length() == 1 ? "-" : "--") : "";
    return "; did you mean '" + dashes + s.get(0) + "'?";
  }
}
