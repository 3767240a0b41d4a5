package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script, sourced by a real bash, completes both ways of typing the command. */
class CompletionCommandTest {
  @TempDir Path dir;

  @Test
  void bashCompletesMlsysimAndDotSlashMlsysim() throws Exception {
    CliRun r = CliRun.of("completion");
    assertEquals(0, r.code(), r.err());
    Path script = dir.resolve("completion.bash");
    Files.writeString(script, r.out());
    for (String typed : new String[] {"mlsysim", "./mlsysim"}) {
      // what bash does on TAB after "<typed> zo": find the compspec for the word, call its function
      String probe = "source '" + script + "'\n"
          + "spec=$(complete -p '" + typed + "') || exit 7\n"
          + "fn=$(echo \"$spec\" | sed -E 's/.*-F ([^ ]+).*/\\1/')\n"
          + "COMP_WORDS=('" + typed + "' zo); COMP_CWORD=1; COMP_LINE='" + typed + " zo'; COMP_POINT=${#COMP_LINE}\n"
          + "$fn '" + typed + "' zo '" + typed + "' 2>/dev/null\n"
          + "echo \"${COMPREPLY[*]}\"\n";
      Process p = new ProcessBuilder("bash", "-c", probe).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(20, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), typed + ": " + out);
      assertEquals("zoo", out.strip().lines().reduce((a, b) -> b).orElse(""), typed + ": " + out);
    }
  }
}
