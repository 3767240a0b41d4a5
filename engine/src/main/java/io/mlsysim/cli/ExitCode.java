package io.mlsysim.cli;

/** The CLI's exit codes, part of its contract with scripts and CI pipelines. */
final class ExitCode {
  /** The command did what was asked. */
  static final int OK = 0;
  /** The input was refused (unknown name, wrong unit, malformed file, bad option). */
  static final int BAD_INPUT = 1;
  /** The input was valid but the system cannot run it (e.g. it does not fit in memory). */
  static final int INFEASIBLE = 2;
  /** A plan's assertion was violated. */
  static final int ASSERT_FAILED = 3;
  /** A defect in the engine itself; the stack trace goes to stderr. */
  static final int INTERNAL_ERROR = 4;

  private ExitCode() {}
}
