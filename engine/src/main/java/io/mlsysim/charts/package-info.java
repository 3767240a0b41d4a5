/**
 * Pictures of the engine's numbers: rooflines and study frontiers, written as PNG or SVG.
 *
 * <p>Built on JFreeChart (drawing) and JFreeSVG (SVG with real {@code <text>} labels), two
 * libraries without dependencies of their own. Nothing outside this package refers to them, and
 * the command line reaches this package only from commands that draw, so commands that draw
 * nothing never load AWT or the chart classes. Study charts take plain columns
 * ({@link CandidateTable}): this module has no Spark, and the Spark commands hand their rows here.
 */
package io.mlsysim.charts;
