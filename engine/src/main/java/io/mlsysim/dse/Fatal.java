package io.mlsysim.dse;

/**
 * Which throwables no candidate can be blamed for: the JVM itself is failing (out of memory, an
 * internal error), so going on would produce garbage. A stack overflow is the candidate's own
 * recursion and unwinds cleanly, so it stays an error row like any other exception or error.
 */
final class Fatal {
  private Fatal() {}

  static boolean is(Throwable t) {
    return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
  }
}
