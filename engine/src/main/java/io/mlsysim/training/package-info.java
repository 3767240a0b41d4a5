/**
 * The training step, composed: a {@link io.mlsysim.training.TrainingJob} (what is trained and
 * how it is split) gives a {@link io.mlsysim.training.TrainingLayout} (every derived count,
 * computed once), a {@link io.mlsysim.training.Placement} maps each parallel group to the link
 * it crosses, and small term classes in {@code io.mlsysim.training.terms} each add one effect —
 * a time term ({@link io.mlsysim.training.StepTerm}) or a memory term
 * ({@link io.mlsysim.training.MemoryTerm}). {@link io.mlsysim.training.StepTerms} and
 * {@link io.mlsysim.training.MemoryTerms} list them in evaluation order; the models sum them
 * and export one column per term. To add an effect, write a term class, register it there, test
 * it, and add its row to docs/fleet-models.md.
 */
package io.mlsysim.training;
