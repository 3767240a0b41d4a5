package io.mlsysim.systems;

import io.mlsysim.provenance.Provenance;

/** One phase of getting a job back after a failure (detection, restart, warm-up), in s. */
public record RecoveryPhase(String name, double duration, Provenance source) {}
