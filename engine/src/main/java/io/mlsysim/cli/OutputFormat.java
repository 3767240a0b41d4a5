package io.mlsysim.cli;

/** How a command prints its payload on stdout. */
public enum OutputFormat {
  TEXT, JSON, MARKDOWN
}
