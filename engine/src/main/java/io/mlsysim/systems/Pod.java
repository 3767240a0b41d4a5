package io.mlsysim.systems;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.provenance.Provenance;

/** A tightly coupled accelerator pod (TPU style): chips, aggregate memory (B), power (W). */
public record Pod(String name, HardwareNode accelerator, int chips, double memory, double power,
    Provenance source) {}
