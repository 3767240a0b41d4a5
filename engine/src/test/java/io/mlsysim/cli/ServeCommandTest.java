package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ServeCommandTest {

  @Test
  void reportsTtftItlKvCacheAndTokensPerSecond() throws Exception {
    CliRun r = CliRun.of("serve", "Llama3_8B", "H100", "--batch", "4", "-o", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode res = new ObjectMapper().readTree(r.out()).get("results");
    double itl = res.get("itl").get("value").asDouble();
    // KV cache 2·L·H_kv·d·S·B·b = 2·32·8·128·2048·4·2 bytes (Llama 3 8B: 32 layers, 8 KV heads, d = 128).
    assertEquals(2.0 * 32 * 8 * 128 * 2048 * 4 * 2, res.get("kv_cache_size").get("value").asDouble(), 1);
    assertEquals(4 / itl, res.get("decode_token_rate").get("value").asDouble(), 1e-9);
    assertTrue(res.get("ttft").get("value").asDouble() > itl);
  }

  @Test
  void modelThatDoesNotFitExitsTwo() {
    CliRun r = CliRun.of("serve", "Llama3_405B", "H100");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.out().contains("serving_feasible"), r.out());
  }

  @Test
  void unknownHardwareExitsOne() {
    CliRun r = CliRun.of("serve", "Llama3_8B", "H1000");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("H100"), r.err());
  }
}
